package dev.legends.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import dev.legends.slack.OfflineSlackApi;
import dev.legends.slack.SlackMode;
import dev.legends.slack.SlackRuntime;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.RunningApp;
import dev.legends.testkit.SlackMessages;
import dev.legends.testkit.SlackTestClient;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without Slack credentials the app starts anyway, on an H2 file database that survives
 * restarts, and records what it would have sent instead of calling Slack.
 */
class DemoModeTests {

	@TempDir
	Path dataDir;

	@Test
	void startWhenNoSlackCredentialsRunsInDemoModeAndNeverCallsSlack() throws Exception {
		FakeSlackApi fake = FakeSlackApi.shared();
		fake.reset();
		try (RunningApp app = RunningApp.start(demoEnvironment())) {
			SlackRuntime runtime = app.bean(SlackRuntime.class);
			assertThat(runtime.mode()).isEqualTo(SlackMode.DEMO);
			SlackTestClient slack = app.slack();
			String body = slack.commandBody("UDEMO", "help", "C0DEMO");
			HttpResponse<String> response = slack.send(body, "application/x-www-form-urlencoded",
					Instant.now().getEpochSecond(), runtime.signingSecret());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("/legends top");
			assertThat(app.bean(OfflineSlackApi.class).calls()).extracting(OfflineSlackApi.RecordedCall::method)
				.contains("auth.test", "users.info");
			assertThat(get(app, "/demo/outbox").body()).contains("users.info");
		}
		assertThat(fake.calls()).isEmpty();
	}

	@Test
	void consoleWhenCommandTypedAnswersAsSlackWouldAndShowsRecordedCalls() throws Exception {
		try (RunningApp app = RunningApp.start(demoEnvironment())) {
			assertThat(get(app, "/demo?run=me").headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/demo/index.html?run=me"));
			HttpResponse<String> page = get(app, "/demo/index.html");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("Legends demo console");
			assertThat(get(app, "/demo/people").body()).contains("Ada Lovelace");
			HttpResponse<String> reply = post(app, "/demo/command",
					"{\"user\":\"U0DEMOGRACE\",\"text\":\"vacation on\"}");
			assertThat(reply.statusCode()).isEqualTo(200);
			assertThat(reply.body()).contains("\"status\":200").contains("Enjoy your time off");
			Boolean onVacation = app.bean(JdbcTemplate.class)
				.queryForObject("select on_vacation from member where slack_user_id = 'U0DEMOGRACE'", Boolean.class);
			assertThat(onVacation).isTrue();
			assertThat(app.bean(JdbcTemplate.class)
				.queryForObject("select display_name from member where slack_user_id = 'U0DEMOADA'", String.class))
				.isEqualTo("Ada Lovelace");
		}
	}

	@Test
	void startWhenDemoWorkspaceEmptySeedsItOnceAndTheBurnerNeverTopsTheBoard() throws Exception {
		try (RunningApp app = RunningApp.start(demoEnvironment())) {
			String board = SlackMessages.visibleText(JsonParser
				.parseString(post(app, "/demo/command", "{\"user\":\"U0DEMOKEN\",\"text\":\"top\"}").body())
				.getAsJsonObject()
				.get("ack")
				.getAsString());
			assertThat(board).contains("Grace Hopper");
			int burner = board.indexOf("Tok N. Burner");
			assertThat(burner == -1 || board.indexOf("Grace Hopper") < burner).as(board).isTrue();
		}
		try (RunningApp app = RunningApp.start(demoEnvironment())) {
			assertThat(app.bean(JdbcTemplate.class).queryForObject("select count(*) from outcome", Integer.class))
				.isEqualTo(6);
		}
	}

	@Test
	void consoleWhenPersonUnknownAnswers400() throws Exception {
		try (RunningApp app = RunningApp.start(demoEnvironment())) {
			assertThat(post(app, "/demo/command", "{\"user\":\"UNOBODY\",\"text\":\"help\"}").statusCode())
				.isEqualTo(400);
		}
	}

	@Test
	void consoleWhenSlackCredentialsSetIsNotThere() throws Exception {
		try (RunningApp app = RunningApp.start(Map.of("LEGENDS_DATA_DIR", this.dataDir.toString()))) {
			assertThat(get(app, "/demo/people").statusCode()).isEqualTo(404);
			assertThat(post(app, "/demo/command", "{\"user\":\"U0DEMOADA\",\"text\":\"help\"}").statusCode())
				.isEqualTo(404);
		}
	}

	@Test
	void restartWhenDataDirKeptKeepsMembersAndTheirSettings() {
		try (RunningApp app = RunningApp.start(demoEnvironment())) {
			sendSigned(app, "UKEEP", "vacation on");
		}
		try (RunningApp app = RunningApp.start(demoEnvironment())) {
			Boolean onVacation = app.bean(JdbcTemplate.class)
				.queryForObject("select on_vacation from member where slack_user_id = 'UKEEP'", Boolean.class);
			assertThat(onVacation).isTrue();
		}
	}

	private Map<String, String> demoEnvironment() {
		return Map.of("SLACK_BOT_TOKEN", "", "SLACK_SIGNING_SECRET", "", "LEGENDS_DB_URL", "", "LEGENDS_DATA_DIR",
				this.dataDir.toString());
	}

	private static void sendSigned(RunningApp app, String userId, String text) {
		SlackTestClient slack = app.slack();
		String secret = app.bean(SlackRuntime.class).signingSecret();
		HttpResponse<String> response = slack.send(slack.commandBody(userId, text, "C0DEMO"),
				"application/x-www-form-urlencoded", Instant.now().getEpochSecond(), secret);
		assertThat(response.statusCode()).isEqualTo(200);
	}

	private static HttpResponse<String> post(RunningApp app, String path, String json) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(RunningApp app, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
