package dev.legends.demo;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.legends.slack.OfflineSlackApi;
import dev.legends.slack.SlackMode;
import dev.legends.slack.SlackRuntime;
import dev.legends.testkit.RunningApp;
import dev.legends.testkit.SlackMessages;
import dev.legends.testkit.SlackTestClient;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
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
		// a Slack API of this test's own: the shared fake also hears other tests' apps
		List<String> slackCalls = new CopyOnWriteArrayList<>();
		HttpServer slackApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		slackApi.createContext("/", (exchange) -> {
			slackCalls.add(exchange.getRequestURI().getPath());
			exchange.sendResponseHeaders(500, -1);
			exchange.close();
		});
		slackApi.start();
		Map<String, String> environment = new HashMap<>(demoEnvironment());
		environment.put("SLACK_API_URL", "http://127.0.0.1:" + slackApi.getAddress().getPort() + "/api/");
		try (RunningApp app = RunningApp.start(environment)) {
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
		finally {
			slackApi.stop(0);
		}
		assertThat(slackCalls).isEmpty();
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
	void startWhenDemoWorkspaceEmptySeedsTheStoryAndRestartsNeverDuplicateIt() throws Exception {
		Map<String, Integer> first;
		try (RunningApp app = RunningApp.start(demoEnvironment())) {
			JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
			first = counts(jdbc);
			assertThat(first).containsEntry("team", 2)
				.containsEntry("digest_schedule", 2)
				.containsEntry("team_goal", 2);
			assertThat(jdbc.queryForList("select distinct status from outcome", String.class))
				.containsExactlyInAnyOrder("REPORTED", "CONFIRMED", "REJECTED", "WITHDRAWN");
			String board = ack(app, "U0DEMOKEN", "top");
			assertThat(board).contains("Grace Hopper");
			int burner = board.indexOf("Tok N. Burner");
			assertThat(burner == -1 || board.indexOf("Grace Hopper") < burner).as(board).isTrue();
			for (String period : new String[] { "week", "last week" }) {
				String efficiency = ack(app, "U0DEMOKEN", "top " + period + " efficiency");
				assertThat(efficiency).as(period).doesNotContain("Nobody").contains("`1` *", "`2` *");
				assertThat(ack(app, "U0DEMOKEN", "top " + period + " usage")).as(period).contains("Tok N. Burner");
			}
		}
		try (RunningApp app = RunningApp.start(demoEnvironment())) {
			assertThat(counts(app.bean(JdbcTemplate.class))).isEqualTo(first);
		}
	}

	@Test
	void exportWhenAskedInDemoModeArrivesAsAFileInTheDm() throws Exception {
		try (RunningApp app = RunningApp.start(demoEnvironment())) {
			assertThat(ack(app, "U0DEMOADA", "export")).contains("Preparing your export");
			JsonObject complete = awaitCall(app, "files.completeUploadExternal", "D0DEMOADA");
			JsonObject file = JsonParser.parseString(complete.get("answer").getAsString())
				.getAsJsonObject()
				.getAsJsonArray("files")
				.get(0)
				.getAsJsonObject();
			HttpResponse<String> download = get(app, "/demo/files/" + file.get("id").getAsString());
			assertThat(download.statusCode()).isEqualTo(200);
			assertThat(download.body()).contains("Ada Lovelace");
			assertThat(get(app, "/demo/outbox").body()).doesNotContain("Sorry, I couldn't send your export");
		}
	}

	@Test
	void digestNowWhenAskedInDemoModePostsTheChartInTheDigestsThread() throws Exception {
		try (RunningApp app = RunningApp.start(demoEnvironment())) {
			post(app, "/demo/command",
					"{\"user\":\"U0DEMOMARGARET\",\"channel\":\"C0DEMOPLATFORM\",\"text\":\"digest now\"}");
			JsonObject digest = awaitCall(app, "chat.postMessage", "C0DEMOPLATFORM");
			String ts = JsonParser.parseString(digest.get("answer").getAsString())
				.getAsJsonObject()
				.get("ts")
				.getAsString();
			JsonObject chart = awaitCall(app, "files.completeUploadExternal", "C0DEMOPLATFORM");
			assertThat(chart.getAsJsonObject("parameters").get("thread_ts").getAsString()).isEqualTo(ts);
			String fileId = JsonParser.parseString(chart.get("answer").getAsString())
				.getAsJsonObject()
				.getAsJsonArray("files")
				.get(0)
				.getAsJsonObject()
				.get("id")
				.getAsString();
			HttpResponse<byte[]> png = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/demo/files/" + fileId))
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
			assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');
		}
	}

	@Test
	void commandWhenMentionTypedAsAtNameSendsItEscapedAsSlackDoes() throws Exception {
		assertThat(DemoConsole.escapeMentions("why @grace last week")).isEqualTo("why <@U0DEMOGRACE|grace> last week");
		assertThat(DemoConsole.escapeMentions("mail me@example.com @nobody")).isEqualTo("mail me@example.com @nobody");
		try (RunningApp app = RunningApp.start(demoEnvironment())) {
			assertThat(ack(app, "U0DEMOADA", "why @grace")).contains("Grace Hopper");
		}
	}

	@Test
	void interactWhenModalSubmittedWithoutTitleAnswersWithErrorsUnderTheField() throws Exception {
		try (RunningApp app = RunningApp.start(demoEnvironment())) {
			post(app, "/demo/command", "{\"user\":\"U0DEMOGRACE\",\"text\":\"report\"}");
			JsonObject opened = JsonParser
				.parseString(JsonParser.parseString(awaitCall(app, "views.open", null).get("answer").getAsString())
					.getAsJsonObject()
					.get("view")
					.toString())
				.getAsJsonObject();
			JsonObject payload = new JsonObject();
			payload.addProperty("type", "view_submission");
			payload.add("view", opened);
			JsonObject request = new JsonObject();
			request.addProperty("user", "U0DEMOGRACE");
			request.add("payload", payload);
			String reply = post(app, "/demo/interact", request.toString()).body();
			JsonObject ack = JsonParser
				.parseString(JsonParser.parseString(reply).getAsJsonObject().get("ack").getAsString())
				.getAsJsonObject();
			assertThat(ack.get("response_action").getAsString()).isEqualTo("errors");
			assertThat(ack.getAsJsonObject("errors").keySet()).isNotEmpty();
			assertThat(post(app, "/demo/interact", "{\"user\":\"U0DEMOGRACE\"}").statusCode()).isEqualTo(400);
		}
	}

	@Test
	void homeWhenOpenedInTheConsolePublishesTheHomeTab() throws Exception {
		try (RunningApp app = RunningApp.start(demoEnvironment())) {
			post(app, "/demo/home", "{\"user\":\"U0DEMOMARGARET\"}");
			JsonObject publish = awaitCall(app, "views.publish", null);
			assertThat(publish.getAsJsonObject("parameters").get("user_id").getAsString()).isEqualTo("U0DEMOMARGARET");
			assertThat(SlackMessages.visibleText(publish.getAsJsonObject("parameters").get("view").getAsString()))
				.contains("Platform");
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

	private static Map<String, Integer> counts(JdbcTemplate jdbc) {
		Map<String, Integer> counts = new java.util.TreeMap<>();
		for (String table : new String[] { "outcome", "usage_record", "team", "team_goal", "digest_schedule" }) {
			counts.put(table, jdbc.queryForObject("select count(*) from " + table, Integer.class));
		}
		return counts;
	}

	private static String ack(RunningApp app, String user, String text) throws Exception {
		JsonObject request = new JsonObject();
		request.addProperty("user", user);
		request.addProperty("text", text);
		return SlackMessages.visibleText(JsonParser.parseString(post(app, "/demo/command", request.toString()).body())
			.getAsJsonObject()
			.get("ack")
			.getAsString());
	}

	private static JsonObject awaitCall(RunningApp app, String method, String channel) throws Exception {
		for (int attempt = 0; attempt < 300; attempt++) {
			for (var call : JsonParser.parseString(get(app, "/demo/outbox").body()).getAsJsonArray()) {
				JsonObject object = call.getAsJsonObject();
				JsonObject parameters = object.getAsJsonObject("parameters");
				String target = parameters.has("channel_id") ? parameters.get("channel_id").getAsString()
						: parameters.has("channel") ? parameters.get("channel").getAsString() : null;
				if (object.get("method").getAsString().equals(method) && (channel == null || channel.equals(target))) {
					return object;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError(method + " to " + channel + " never came: " + get(app, "/demo/outbox").body());
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
