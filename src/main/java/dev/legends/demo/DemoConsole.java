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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

	static final String CHANNEL = DemoPeople.GENERAL;

	private static final String HOOKS = "https://hooks.legends-demo.invalid/";

	private static final Pattern MENTION = Pattern.compile("(^|\\s)@([A-Za-z][A-Za-z0-9._-]*)");

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
	 * Send {@code /legends text} as a demo person in a channel; {@code @handle} mentions
	 * of demo people are escaped as Slack escapes them.
	 * @param userId the demo person
	 * @param channelId the channel (or DM) it is typed in
	 * @param text the command text
	 * @return Legends' answer and the Web API calls it made meanwhile
	 */
	ConsoleReply command(String userId, String channelId, String text) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("token", "demo");
		form.put("team_id", OfflineSlackApi.TEAM_ID);
		form.put("team_domain", "legends-demo");
		form.put("channel_id", channelId);
		form.put("channel_name", channelName(channelId));
		form.put("user_id", userId);
		form.put("user_name", handleOf(userId));
		form.put("command", "/legends");
		form.put("text", escapeMentions(text));
		form.put("api_app_id", "A0LEGENDS");
		form.put("is_enterprise_install", "false");
		form.put("response_url",
				HOOKS + "commands/" + this.sequence.incrementAndGet() + "/" + channelId + "/" + userId);
		form.put("trigger_id", triggerFor(userId));
		String body = form.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return send(body, "application/x-www-form-urlencoded");
	}

	/**
	 * Click a button in a message in {@link DemoPeople#GENERAL} as a demo person.
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
		JsonArray actions = new JsonArray();
		actions.add(action);
		JsonObject payload = new JsonObject();
		payload.addProperty("type", "block_actions");
		payload.add("container", object("type", "message", "message_ts", "1700000000.000100", "channel_id", CHANNEL));
		payload.add("channel", object("id", CHANNEL, "name", "general"));
		payload.add("message", object("type", "message", "ts", "1700000000.000100"));
		payload.add("actions", actions);
		return interact(userId, payload);
	}

	/**
	 * Send an interaction payload (a button click, a modal submission or closing, an
	 * options request) as a demo person, completed with what Slack adds: team, user, app,
	 * trigger id and, for messages, a response URL.
	 * @param userId the demo person
	 * @param payload the payload as the console built it
	 * @return Legends' answer and the Web API calls it made meanwhile
	 */
	ConsoleReply interact(String userId, JsonObject payload) {
		payload.add("team", object("id", OfflineSlackApi.TEAM_ID, "domain", "legends-demo"));
		payload.add("user", object("id", userId, "username", handleOf(userId), "name", handleOf(userId), "team_id",
				OfflineSlackApi.TEAM_ID));
		payload.addProperty("api_app_id", "A0LEGENDS");
		payload.addProperty("token", "demo");
		payload.addProperty("is_enterprise_install", false);
		payload.addProperty("trigger_id", triggerFor(userId));
		JsonObject container = payload.has("container") ? payload.getAsJsonObject("container") : null;
		if (container != null && "message".equals(text(container, "type"))) {
			String channelId = text(container, "channel_id");
			if (channelId == null && payload.has("channel")) {
				channelId = text(payload.getAsJsonObject("channel"), "id");
			}
			channelId = (channelId != null) ? channelId : CHANNEL;
			container.addProperty("channel_id", channelId);
			payload.add("channel", object("id", channelId, "name", channelName(channelId)));
			payload.addProperty("response_url", HOOKS + "actions/" + this.sequence.incrementAndGet() + "/" + channelId
					+ "/" + text(container, "message_ts") + "/" + userId);
		}
		if (payload.has("actions")) {
			for (var action : payload.getAsJsonArray("actions")) {
				action.getAsJsonObject().addProperty("action_ts", Instant.now().getEpochSecond() + ".000100");
			}
		}
		return send("payload=" + encode(payload.toString()), "application/x-www-form-urlencoded");
	}

	/**
	 * Tell Legends a demo person opened its Home tab ({@code app_home_opened}).
	 * @param userId the demo person
	 * @return Legends' answer and the Web API calls it made meanwhile
	 */
	ConsoleReply homeOpened(String userId) {
		JsonObject event = object("type", "app_home_opened", "user", userId, "channel",
				OfflineSlackApi.dmChannelOf(userId), "tab", "home", "event_ts",
				Instant.now().getEpochSecond() + ".000200");
		JsonObject body = object("token", "demo", "team_id", OfflineSlackApi.TEAM_ID, "api_app_id", "A0LEGENDS", "type",
				"event_callback", "event_id", "Ev0DEMO" + this.sequence.incrementAndGet());
		body.add("event", event);
		body.addProperty("event_time", Instant.now().getEpochSecond());
		return send(body.toString(), "application/json");
	}

	static String escapeMentions(String text) {
		Matcher matcher = MENTION.matcher(text);
		StringBuilder escaped = new StringBuilder();
		while (matcher.find()) {
			String replacement = DemoPeople.byHandle(matcher.group(2))
				.map((person) -> matcher.group(1) + "<@" + person.id() + "|" + person.handle() + ">")
				.orElse(matcher.group());
			matcher.appendReplacement(escaped, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(escaped);
		return escaped.toString();
	}

	private String triggerFor(String userId) {
		return this.sequence.incrementAndGet() + "." + userId + ".demo";
	}

	private static String handleOf(String userId) {
		return DemoPeople.ALL.stream()
			.filter((person) -> person.id().equals(userId))
			.map(DemoPeople.Person::handle)
			.findFirst()
			.orElse(userId.toLowerCase());
	}

	private static String channelName(String channelId) {
		if (channelId.startsWith("D")) {
			return "directmessage";
		}
		return DemoPeople.channel(channelId).map(DemoPeople.Channel::name).orElse("general");
	}

	private static String text(JsonObject object, String key) {
		return (object.has(key) && object.get(key).isJsonPrimitive()) ? object.get(key).getAsString() : null;
	}

	private ConsoleReply send(String body, String contentType) {
		long before = this.offline.recordedCount();
		long timestamp = Instant.now().getEpochSecond();
		String signature = new SlackSignature.Generator(this.runtime.signingSecret())
			.generate(String.valueOf(timestamp), body);
		String port = this.environment.getProperty("local.server.port", "3000");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", contentType)
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
