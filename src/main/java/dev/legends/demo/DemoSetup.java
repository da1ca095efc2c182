package dev.legends.demo;

import dev.legends.slack.OfflineSlackApi;
import dev.legends.slack.SlackMode;
import dev.legends.slack.SlackRuntime;
import dev.legends.workspace.Members;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In demo mode, introduces the demo people to the offline Slack directory and the
 * workspace, and says where the console is.
 */
@Component
class DemoSetup {

	private static final Logger logger = LoggerFactory.getLogger(DemoSetup.class);

	private final SlackRuntime runtime;

	private final OfflineSlackApi offline;

	private final Members members;

	private final Environment environment;

	DemoSetup(SlackRuntime runtime, OfflineSlackApi offline, Members members, Environment environment) {
		this.runtime = runtime;
		this.offline = offline;
		this.members = members;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void setUp() {
		if (this.runtime.mode() != SlackMode.DEMO) {
			return;
		}
		for (DemoPeople.Person person : DemoPeople.ALL) {
			this.offline.addUser(person.id(), person.name(), person.email(), person.admin());
			this.members.member(OfflineSlackApi.TEAM_ID, person.id());
		}
		logger.info("Demo console: http://localhost:{}/demo", this.environment.getProperty("local.server.port"));
	}

}
