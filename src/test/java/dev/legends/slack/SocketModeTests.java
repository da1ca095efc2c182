package dev.legends.slack;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.FakeSocketModeServer;
import dev.legends.testkit.RunningApp;
import dev.legends.testkit.SlackCall;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code SLACK_APP_TOKEN} set, Legends opens a Socket Mode connection through
 * {@code SLACK_API_URL} and answers {@code /legends} over it, with no public URL; several
 * instances each open one and share the work Slack spreads over them.
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
				socket.send(slashCommandEnvelope("env-help", "USOCKET", "help"));
				String answer = socket.awaitMessageContaining("env-help", Duration.ofSeconds(15));
				assertThat(answer).isNotNull().contains("/legends top").contains("ephemeral");
			}
		}
	}

	@Test
	void commandsWhenSlackSpreadsThemOverTwoInstancesAreEachAnsweredOnceWithSharedState() throws Exception {
		FakeSlackApi fake = FakeSlackApi.shared();
		fake.reset();
		String database = "jdbc:h2:mem:legends-socket-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		try (FakeSocketModeServer socket = new FakeSocketModeServer()) {
			fake.setSocketModeUrl(socket.url());
			try (RunningApp first = RunningApp.start(socketMode(database, "legends-socket-a"));
					RunningApp second = RunningApp.start(socketMode(database, "legends-socket-b"))) {
				socket.awaitClients(2);
				for (int i = 0; i < 8; i++) {
					socket.send(slashCommandEnvelope("env-spread-" + i, "USOCKET", "help"));
				}
				await().atMost(Duration.ofSeconds(30))
					.until(() -> IntStream.range(0, 8)
						.allMatch((i) -> !socket.messagesContaining("\"env-spread-" + i + "\"").isEmpty()));
				assertThat(IntStream.range(0, 8)
					.mapToObj((i) -> socket.messagesContaining("\"env-spread-" + i + "\""))
					.toList()).allSatisfy((answers) -> assertThat(answers).hasSize(1));
				assertThat(socket.messagesContaining("env-spread-"))
					.extracting(FakeSocketModeServer.Message::connection)
					.containsOnly(0, 1)
					.contains(0, 1);

				socket.sendTo(0, slashCommandEnvelope("env-vacation-on", "USOCKVAC", "vacation on"));
				assertThat(socket.awaitMessageContaining("env-vacation-on", Duration.ofSeconds(15)))
					.contains("Enjoy your time off");
				socket.sendTo(1, slashCommandEnvelope("env-vacation-ask", "USOCKVAC", "vacation"));
				assertThat(socket.awaitMessageContaining("env-vacation-ask", Duration.ofSeconds(15)))
					.as("the other instance sees the vacation set through the first")
					.contains("Vacation is *on*");
			}
		}
	}

	private static Map<String, String> socketMode(String database, String scheduler) {
		return Map.of("SLACK_APP_TOKEN", "xapp-1-test", "SLACK_SIGNING_SECRET", "", "LEGENDS_DB_URL", database,
				"spring.quartz.scheduler-name", scheduler);
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

	private static String slashCommandEnvelope(String envelopeId, String userId, String text) {
		return "{\"envelope_id\":\"" + envelopeId + "\",\"type\":\"slash_commands\",\"accepts_response_payload\":true,"
				+ "\"payload\":{\"token\":\"unused\",\"team_id\":\"" + FakeSlackApi.TEAM_ID + "\","
				+ "\"team_domain\":\"legends-test\",\"channel_id\":\"C0GENERAL\",\"channel_name\":\"general\","
				+ "\"user_id\":\"" + userId + "\",\"user_name\":\"socket\",\"command\":\"/legends\",\"text\":\"" + text
				+ "\",\"api_app_id\":\"A0LEGENDS\",\"is_enterprise_install\":\"false\","
				+ "\"response_url\":\"http://127.0.0.1:9/unused\",\"trigger_id\":\"1.2.3\"}}";
	}

}
