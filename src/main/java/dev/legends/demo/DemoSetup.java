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
 * In demo mode, introduces the demo people and channels to the offline Slack directory
 * and the workspace, tops up the demo data, and says where the console is.
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
		String port = this.environment.getProperty("local.server.port", "3000");
		this.offline.setBaseUrl("http://localhost:" + port);
		DemoPeople.CHANNELS.forEach((channel) -> this.offline.addChannel(channel.id(), channel.name()));
		Map<String, Member> people = new LinkedHashMap<>();
		for (DemoPeople.Person person : DemoPeople.ALL) {
			this.offline.addUser(person.id(), person.name(), person.email(), person.admin());
			people.put(person.id(), this.members.member(OfflineSlackApi.TEAM_ID, person.id()));
		}
		try {
			DemoData.Added added = this.data.topUp(people);
			if (added.any()) {
				logger.info("Demo workspace topped up: {} teams, {} usage records and {} outcomes added", added.teams(),
						added.usageRecords(), added.outcomes());
			}
		}
		catch (RuntimeException ex) {
			logger.error("Could not top up the demo workspace", ex);
		}
		logger.info("Demo console: http://localhost:{}/demo", port);
	}

}
