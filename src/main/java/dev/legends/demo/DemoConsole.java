package dev.legends.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.slack.api.app_backend.SlackSignature;
import dev.legends.slack.OfflineSlackApi;
import dev.legends.slack.OfflineSlackApi.RecordedCall;
import dev.legends.slack.SlackRuntime;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Plays Slack's part in demo mode: turns what a person types in the console into a signed
 * request to {@code /slack/events}, exactly as Slack would send it, and collects what
 * Legends answered and sent.
 */
@Service
class DemoConsole {

	static final String CHANNEL = "C0DEMOGENERAL";

	private final SlackRuntime runtime;

	private final OfflineSlackApi offline;

	private final Environment environment;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final AtomicLong sequence = new AtomicLong();

	DemoConsole(SlackRuntime runtime, OfflineSlackApi offline, Environment environment) {
		this.runtime = runtime;
		this.offline = offline;
		this.environment = environment;
	}

	/**
	 * Send {@code /legends text} as a demo person.
	 * @param userId the demo person
	 * @param text the command text
	 * @return Legends' answer and the Web API calls it made meanwhile
	 */
	ConsoleReply command(String userId, String text) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("token", "demo");
		form.put("team_id", OfflineSlackApi.TEAM_ID);
		form.put("team_domain", "legends-demo");
		form.put("channel_id", CHANNEL);
		form.put("channel_name", "general");
		form.put("user_id", userId);
		form.put("user_name", userId.toLowerCase());
		form.put("command", "/legends");
		form.put("text", text);
		form.put("api_app_id", "A0LEGENDS");
		form.put("is_enterprise_install", "false");
		form.put("response_url", "https://hooks.legends-demo.invalid/commands/" + this.sequence.incrementAndGet());
		form.put("trigger_id", this.sequence.incrementAndGet() + ".demo");
		String body = form.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return send(body);
	}

	/**
	 * Click a button in a message as a demo person.
	 * @param userId the demo person
	 * @param actionId the button's action id
	 * @param value the button's value
	 * @return Legends' answer and the Web API calls it made meanwhile
	 */
	ConsoleReply click(String userId, String actionId, String value) {
		JsonObject action = new JsonObject();
		action.addProperty("type", "button");
		action.addProperty("action_id", actionId);
		action.addProperty("block_id", "demo");
		action.addProperty("value", value);
		action.addProperty("action_ts", Instant.now().getEpochSecond() + ".000100");
		JsonArray actions = new JsonArray();
		actions.add(action);
		JsonObject payload = new JsonObject();
		payload.addProperty("type", "block_actions");
		payload.add("team", object("id", OfflineSlackApi.TEAM_ID, "domain", "legends-demo"));
		payload.add("user", object("id", userId, "username", userId.toLowerCase()));
		payload.addProperty("api_app_id", "A0LEGENDS");
		payload.addProperty("token", "demo");
		payload.addProperty("trigger_id", this.sequence.incrementAndGet() + ".demo");
		payload.add("container", object("type", "message", "message_ts", "1700000000.000100"));
		payload.add("channel", object("id", CHANNEL, "name", "general"));
		payload.add("message", object("type", "message", "ts", "1700000000.000100"));
		payload.addProperty("response_url",
				"https://hooks.legends-demo.invalid/actions/" + this.sequence.incrementAndGet());
		payload.add("actions", actions);
		return send("payload=" + encode(payload.toString()));
	}

	private ConsoleReply send(String body) {
		long before = this.offline.recordedCount();
		long timestamp = Instant.now().getEpochSecond();
		String signature = new SlackSignature.Generator(this.runtime.signingSecret())
			.generate(String.valueOf(timestamp), body);
		String port = this.environment.getProperty("local.server.port", "3000");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
			.header("X-Slack-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new ConsoleReply(response.statusCode(), response.body(), callsSince(before));
		}
		catch (IOException ex) {
			return new ConsoleReply(502, "{\"text\":\"Could not reach /slack/events: " + ex.getMessage() + "\"}",
					List.of());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new ConsoleReply(503, "{\"text\":\"Interrupted\"}", List.of());
		}
	}

	List<RecordedCall> callsSince(long count) {
		List<RecordedCall> calls = this.offline.calls();
		long fresh = this.offline.recordedCount() - count;
		int from = (int) Math.max(0, calls.size() - fresh);
		return calls.subList(from, calls.size());
	}

	private static JsonObject object(String... keysAndValues) {
		JsonObject object = new JsonObject();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			object.addProperty(keysAndValues[i], keysAndValues[i + 1]);
		}
		return object;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * What Legends did with one console request.
	 *
	 * @param status the HTTP status of {@code /slack/events}
	 * @param ack the immediate answer body (what Slack would show right away)
	 * @param calls the Web API calls made while handling it
	 */
	record ConsoleReply(int status, String ack, List<RecordedCall> calls) {

	}

}
