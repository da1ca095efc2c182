package dev.legends.testkit;

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
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.google.gson.JsonObject;
import com.slack.api.app_backend.SlackSignature;

/**
 * Sends requests to the app's {@code /slack/events} the way Slack does: in Slack's
 * payload formats, signed with the signing secret (v0 HMAC-SHA256 over
 * {@code v0:ts:body}).
 */
public final class SlackTestClient {

	/** The signing secret the test app is configured with. */
	public static final String SIGNING_SECRET = "legends-test-signing-secret";

	/** The bot token the test app is configured with. */
	public static final String BOT_TOKEN = "xoxb-legends-test";

	/** A user listed in {@code LEGENDS_ADMIN_USERS} of the test app. */
	public static final String ADMIN_USER = "UADMIN";

	/** The channel commands come from unless told otherwise. */
	public static final String CHANNEL = "C0GENERAL";

	private static final AtomicLong triggers = new AtomicLong();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final FakeSlackApi fake;

	private final String teamId;

	public SlackTestClient(int port, FakeSlackApi fake) {
		this(port, fake, FakeSlackApi.TEAM_ID);
	}

	private SlackTestClient(int port, FakeSlackApi fake, String teamId) {
		this.baseUrl = "http://127.0.0.1:" + port;
		this.fake = fake;
		this.teamId = teamId;
	}

	/**
	 * A client for another, fresh workspace, so that a test's data stands alone.
	 * @return a client whose requests carry a new team id
	 */
	public SlackTestClient inNewTeam() {
		int port = URI.create(this.baseUrl).getPort();
		return new SlackTestClient(port, this.fake, "T" + Long.toString(System.nanoTime(), 36).toUpperCase());
	}

	public String teamId() {
		return this.teamId;
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Send {@code /legends text} from a user in {@link #CHANNEL}.
	 * @param userId the user
	 * @param text the command text
	 * @return the app's answer
	 */
	public HttpResponse<String> command(String userId, String text) {
		return send(commandBody(userId, text, CHANNEL));
	}

	/**
	 * Send {@code /legends text} from a user in a given channel.
	 * @param userId the user
	 * @param text the command text
	 * @param channelId the channel
	 * @return the app's answer
	 */
	public HttpResponse<String> command(String userId, String text, String channelId) {
		return send(commandBody(userId, text, channelId));
	}

	/**
	 * The form body of a slash command as Slack sends it.
	 * @param userId the user
	 * @param text the command text
	 * @param channelId the channel
	 * @return the URL-encoded body
	 */
	public String commandBody(String userId, String text, String channelId) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("token", "verification-token-unused");
		form.put("team_id", this.teamId);
		form.put("team_domain", "legends-test");
		form.put("channel_id", channelId);
		form.put("channel_name", channelId.startsWith("D") ? "directmessage" : "general");
		form.put("user_id", userId);
		form.put("user_name", userId.toLowerCase());
		form.put("command", "/legends");
		form.put("text", text);
		form.put("api_app_id", "A0LEGENDS");
		form.put("is_enterprise_install", "false");
		form.put("response_url", this.fake.responseUrl("cmd-" + triggers.incrementAndGet()));
		form.put("trigger_id", nextTriggerId());
		return form.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
	}

	/**
	 * Click a button (a {@code block_actions} payload) in a message or DM.
	 * @param userId who clicks
	 * @param actionId the button's action id
	 * @param value the button's value
	 * @return the app's answer
	 */
	public HttpResponse<String> blockAction(String userId, String actionId, String value) {
		return blockAction(userId, actionId, value, null);
	}

	/**
	 * Click a button in a message ({@code container.type = message}) or, when
	 * {@code view} is given, inside a view (App Home or modal).
	 * @param userId who clicks
	 * @param actionId the button's action id
	 * @param value the button's value
	 * @param view the view the button sits in, or {@code null} for a message
	 * @return the app's answer
	 */
	public HttpResponse<String> blockAction(String userId, String actionId, String value, JsonObject view) {
		JsonObject action = new JsonObject();
		action.addProperty("type", "button");
		action.addProperty("action_id", actionId);
		action.addProperty("block_id", "b-" + actionId);
		action.addProperty("value", value);
		action.addProperty("action_ts", Instant.now().getEpochSecond() + ".000100");
		JsonObject payload = base("block_actions", userId);
		JsonObject container = new JsonObject();
		if (view == null) {
			container.addProperty("type", "message");
			container.addProperty("message_ts", "1700000000.000100");
			container.addProperty("channel_id", "D" + userId);
			container.addProperty("is_ephemeral", false);
			payload.add("channel", idName("D" + userId, "directmessage"));
			JsonObject message = new JsonObject();
			message.addProperty("type", "message");
			message.addProperty("ts", "1700000000.000100");
			message.addProperty("text", "");
			payload.add("message", message);
			payload.addProperty("response_url", this.fake.responseUrl("action-" + triggers.incrementAndGet()));
		}
		else {
			container.addProperty("type", "view");
			container.addProperty("view_id", view.has("id") ? view.get("id").getAsString() : "V0VIEW");
			payload.add("view", view);
		}
		payload.add("container", container);
		com.google.gson.JsonArray actions = new com.google.gson.JsonArray();
		actions.add(action);
		payload.add("actions", actions);
		return sendPayload(payload);
	}

	/**
	 * Submit a modal (a {@code view_submission} payload).
	 * @param userId who submits
	 * @param callbackId the view's callback id
	 * @param privateMetadata the view's private metadata, or {@code null}
	 * @param state the input values, built with {@link ViewState}
	 * @return the app's answer (empty 200, or {@code response_action: errors})
	 */
	public HttpResponse<String> viewSubmission(String userId, String callbackId, String privateMetadata,
			ViewState state) {
		return send(viewSubmissionBody(userId, callbackId, privateMetadata, state));
	}

	/**
	 * The form body of a modal's submission as Slack sends it, with a new view id, for
	 * sending the very same submission more than once (a double click on Submit).
	 * @param userId who submits
	 * @param callbackId the view's callback id
	 * @param privateMetadata the view's private metadata, or {@code null}
	 * @param state the input values, built with {@link ViewState}
	 * @return the URL-encoded body
	 */
	public String viewSubmissionBody(String userId, String callbackId, String privateMetadata, ViewState state) {
		JsonObject view = new JsonObject();
		view.addProperty("id", "V" + triggers.incrementAndGet());
		view.addProperty("team_id", this.teamId);
		view.addProperty("type", "modal");
		view.addProperty("callback_id", callbackId);
		view.addProperty("private_metadata", (privateMetadata != null) ? privateMetadata : "");
		view.addProperty("hash", "1700000000.abcdef");
		view.add("state", state.toJson());
		JsonObject payload = base("view_submission", userId);
		payload.add("view", view);
		return "payload=" + encode(payload.toString());
	}

	/**
	 * Use a message shortcut on a message.
	 * @param userId who uses it
	 * @param callbackId the shortcut's callback id
	 * @param channelId where the message is
	 * @param messageTs the message's ts
	 * @param messageText the message's text
	 * @return the app's answer
	 */
	public HttpResponse<String> messageShortcut(String userId, String callbackId, String channelId, String messageTs,
			String messageText) {
		JsonObject payload = base("message_action", userId);
		payload.addProperty("callback_id", callbackId);
		payload.add("channel", idName(channelId, "general"));
		JsonObject message = new JsonObject();
		message.addProperty("type", "message");
		message.addProperty("user", userId);
		message.addProperty("ts", messageTs);
		message.addProperty("text", messageText);
		payload.add("message", message);
		payload.addProperty("message_ts", messageTs);
		payload.addProperty("response_url", this.fake.responseUrl("shortcut-" + triggers.incrementAndGet()));
		return sendPayload(payload);
	}

	/**
	 * Deliver an Events API event ({@code event_callback}).
	 * @param event the inner event, with at least {@code type}
	 * @return the app's answer
	 */
	public HttpResponse<String> event(JsonObject event) {
		JsonObject envelope = new JsonObject();
		envelope.addProperty("token", "verification-token-unused");
		envelope.addProperty("team_id", this.teamId);
		envelope.addProperty("api_app_id", "A0LEGENDS");
		envelope.add("event", event);
		envelope.addProperty("type", "event_callback");
		envelope.addProperty("event_id", "Ev" + triggers.incrementAndGet());
		envelope.addProperty("event_time", Instant.now().getEpochSecond());
		return send(envelope.toString(), "application/json", Instant.now().getEpochSecond(), SIGNING_SECRET);
	}

	/**
	 * The {@code app_home_opened} event for a user.
	 * @param userId the user
	 * @return the app's answer
	 */
	public HttpResponse<String> appHomeOpened(String userId) {
		JsonObject event = new JsonObject();
		event.addProperty("type", "app_home_opened");
		event.addProperty("user", userId);
		event.addProperty("channel", "D" + userId);
		event.addProperty("tab", "home");
		event.addProperty("event_ts", Instant.now().getEpochSecond() + ".000100");
		return event(event);
	}

	/**
	 * Send a form body signed now with the right secret.
	 * @param formBody the URL-encoded body
	 * @return the app's answer
	 */
	public HttpResponse<String> send(String formBody) {
		return send(formBody, "application/x-www-form-urlencoded", Instant.now().getEpochSecond(), SIGNING_SECRET);
	}

	/**
	 * Send a body with full control over the signature, for forgery tests.
	 * @param body the raw body
	 * @param contentType its content type
	 * @param timestamp the signed timestamp (epoch seconds)
	 * @param secret the secret to sign with, or {@code null} to send no signature
	 * @return the app's answer
	 */
	public HttpResponse<String> send(String body, String contentType, long timestamp, String secret) {
		String signature = (secret != null) ? sign(secret, timestamp, body) : null;
		return sendWithSignature(body, contentType, timestamp, signature);
	}

	/**
	 * Send a body with the given signature headers as they are.
	 * @param body the raw body
	 * @param contentType its content type
	 * @param timestamp the timestamp header
	 * @param signature the signature header, or {@code null} for none
	 * @return the app's answer
	 */
	public HttpResponse<String> sendWithSignature(String body, String contentType, long timestamp, String signature) {
		return sendWithSignature(body, contentType, String.valueOf(timestamp), signature);
	}

	/**
	 * Send a body with the given signature headers as they are, even malformed ones.
	 * @param body the raw body
	 * @param contentType its content type
	 * @param timestamp the timestamp header as sent
	 * @param signature the signature header, or {@code null} for no signature headers
	 * @return the app's answer
	 */
	public HttpResponse<String> sendWithSignature(String body, String contentType, String timestamp, String signature) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/slack/events"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (signature != null) {
			request.header("X-Slack-Request-Timestamp", timestamp);
			request.header("X-Slack-Signature", signature);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Compute Slack's request signature.
	 * @param secret the signing secret
	 * @param timestamp the request timestamp
	 * @param body the raw body
	 * @return {@code v0=…}
	 */
	public static String sign(String secret, long timestamp, String body) {
		return new SlackSignature.Generator(secret).generate(String.valueOf(timestamp), body);
	}

	private HttpResponse<String> sendPayload(JsonObject payload) {
		return send("payload=" + encode(payload.toString()));
	}

	private JsonObject base(String type, String userId) {
		JsonObject payload = new JsonObject();
		payload.addProperty("type", type);
		payload.add("team", idDomain(this.teamId, "legends-test"));
		JsonObject user = new JsonObject();
		user.addProperty("id", userId);
		user.addProperty("username", userId.toLowerCase());
		user.addProperty("name", userId.toLowerCase());
		user.addProperty("team_id", this.teamId);
		payload.add("user", user);
		payload.addProperty("api_app_id", "A0LEGENDS");
		payload.addProperty("token", "verification-token-unused");
		payload.addProperty("trigger_id", nextTriggerId());
		payload.addProperty("is_enterprise_install", false);
		return payload;
	}

	private static JsonObject idName(String id, String name) {
		JsonObject object = new JsonObject();
		object.addProperty("id", id);
		object.addProperty("name", name);
		return object;
	}

	private static JsonObject idDomain(String id, String domain) {
		JsonObject object = new JsonObject();
		object.addProperty("id", id);
		object.addProperty("domain", domain);
		return object;
	}

	private static String nextTriggerId() {
		return triggers.incrementAndGet() + ".1700000000.abcdef0123456789";
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
