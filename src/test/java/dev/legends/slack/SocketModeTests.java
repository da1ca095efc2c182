package dev.legends.slack;

import java.time.Duration;
import java.util.Map;

import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.FakeSocketModeServer;
import dev.legends.testkit.RunningApp;
import dev.legends.testkit.SlackCall;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code SLACK_APP_TOKEN} set, Legends opens a Socket Mode connection through
 * {@code SLACK_API_URL} and answers {@code /legends} over it, with no public URL.
 */
class SocketModeTests {

	@Test
	void commandWhenReceivedOverSocketModeIsAnsweredWithHelp() throws Exception {
		FakeSlackApi fake = FakeSlackApi.shared();
		fake.reset();
		try (FakeSocketModeServer socket = new FakeSocketModeServer()) {
			fake.setSocketModeUrl(socket.url());
			try (RunningApp app = RunningApp
				.start(Map.of("SLACK_APP_TOKEN", "xapp-1-test", "SLACK_SIGNING_SECRET", ""))) {
				assertThat(app.bean(SlackRuntime.class).mode()).isEqualTo(SlackMode.SOCKET);
				assertThat(fake.awaitCalls("apps.connections.open", 1, Duration.ofSeconds(10)))
					.extracting(SlackCall::token)
					.contains("xapp-1-test");
				socket.send(slashCommandEnvelope("help"));
				String answer = socket.awaitMessageContaining("env-help", Duration.ofSeconds(15));
				assertThat(answer).isNotNull().contains("/legends top").contains("ephemeral");
			}
		}
	}

	@Test
	void startWhenSocketModeCannotConnectKeepsRunning() {
		FakeSlackApi fake = FakeSlackApi.shared();
		fake.reset();
		try (RunningApp app = RunningApp.start(Map.of("SLACK_APP_TOKEN", "xapp-1-bad", "SLACK_SIGNING_SECRET", ""))) {
			assertThat(fake.awaitCalls("apps.connections.open", 1, Duration.ofSeconds(10))).extracting(SlackCall::token)
				.contains("xapp-1-bad");
			assertThat(app.bean(SlackRuntime.class).mode()).isEqualTo(SlackMode.SOCKET);
		}
	}

	private static String slashCommandEnvelope(String text) {
		return "{\"envelope_id\":\"env-" + text + "\",\"type\":\"slash_commands\",\"accepts_response_payload\":true,"
				+ "\"payload\":{\"token\":\"unused\",\"team_id\":\"" + FakeSlackApi.TEAM_ID + "\","
				+ "\"team_domain\":\"legends-test\",\"channel_id\":\"C0GENERAL\",\"channel_name\":\"general\","
				+ "\"user_id\":\"USOCKET\",\"user_name\":\"socket\",\"command\":\"/legends\",\"text\":\"" + text
				+ "\",\"api_app_id\":\"A0LEGENDS\",\"is_enterprise_install\":\"false\","
				+ "\"response_url\":\"http://127.0.0.1:9/unused\",\"trigger_id\":\"1.2.3\"}}";
	}

}
