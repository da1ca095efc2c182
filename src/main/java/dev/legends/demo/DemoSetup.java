package dev.legends.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.legends.slack.OfflineSlackApi;
import dev.legends.slack.SlackMode;
import dev.legends.slack.SlackRuntime;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In demo mode, introduces the demo people to the offline Slack directory and the
 * workspace, seeds an empty demo workspace, and says where the console is.
 */
@Component
class DemoSetup {

	private static final Logger logger = LoggerFactory.getLogger(DemoSetup.class);

	private final SlackRuntime runtime;

	private final OfflineSlackApi offline;

	private final Members members;

	private final Environment environment;

	private final DemoData data;

	DemoSetup(SlackRuntime runtime, OfflineSlackApi offline, Members members, Environment environment, DemoData data) {
		this.runtime = runtime;
		this.offline = offline;
		this.members = members;
		this.environment = environment;
		this.data = data;
	}

	@EventListener(ApplicationReadyEvent.class)
	void setUp() {
		if (this.runtime.mode() != SlackMode.DEMO) {
			return;
		}
		Map<String, Member> people = new LinkedHashMap<>();
		for (DemoPeople.Person person : DemoPeople.ALL) {
			this.offline.addUser(person.id(), person.name(), person.email(), person.admin());
			people.put(person.id(), this.members.member(OfflineSlackApi.TEAM_ID, person.id()));
		}
		try {
			if (this.data.seedIfEmpty(people)) {
				logger.info("Demo workspace seeded with four weeks of usage and a few outcomes");
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not seed the demo workspace: {}", ex.getMessage());
		}
		logger.info("Demo console: http://localhost:{}/demo", this.environment.getProperty("local.server.port"));
	}

}
