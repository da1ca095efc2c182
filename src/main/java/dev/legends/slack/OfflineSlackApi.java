package dev.legends.slack;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * Answers every outgoing Slack HTTP call locally and records it, so that demo mode never
 * reaches slack.com. Installed as an OkHttp interceptor in the Slack client.
 */
public final class OfflineSlackApi implements Interceptor {

	/** The Slack team id demo mode pretends to be installed in. */
	public static final String TEAM_ID = "T0LEGENDS";

	private static final int KEPT_CALLS = 500;

	private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

	private final Deque<RecordedCall> calls = new ArrayDeque<>();

	private final Map<String, String> users = new java.util.concurrent.ConcurrentHashMap<>();

	private long recorded;

	/**
	 * The calls recorded so far, oldest first (the last {@value #KEPT_CALLS}).
	 * @return the calls
	 */
	public synchronized List<RecordedCall> calls() {
		return new ArrayList<>(this.calls);
	}

	/**
	 * How many calls were recorded since start, to tell new calls from old ones.
	 * @return the count (not capped)
	 */
	public synchronized long recordedCount() {
		return this.recorded;
	}

	/**
	 * Let {@code users.info} know a person.
	 * @param userId the Slack user id
	 * @param name the display name
	 * @param email the email
	 * @param admin whether they are a workspace admin
	 */
	public void addUser(String userId, String name, String email, boolean admin) {
		this.users.put(userId,
				"{\"ok\":true,\"user\":{\"id\":\"" + userId + "\",\"name\":\"" + userId.toLowerCase()
						+ "\",\"real_name\":\"" + name + "\",\"tz\":\"UTC\",\"is_admin\":" + admin
						+ ",\"profile\":{\"display_name\":\"" + name + "\",\"real_name\":\"" + name + "\",\"email\":\""
						+ email + "\"}}}");
	}

	@Override
	public Response intercept(Chain chain) throws IOException {
		Request request = chain.request();
		String body = bodyOf(request);
		String method = methodName(request);
		record(new RecordedCall(Instant.now(), method, request.url().toString(), parameters(body), body));
		return new Response.Builder().request(request)
			.protocol(Protocol.HTTP_1_1)
			.code(200)
			.message("OK")
			.body(ResponseBody.create(answer(method, parameters(body)), JSON))
			.build();
	}

	private synchronized void record(RecordedCall call) {
		if (this.calls.size() == KEPT_CALLS) {
			this.calls.removeFirst();
		}
		this.calls.addLast(call);
		this.recorded++;
	}

	private static String methodName(Request request) {
		List<String> segments = request.url().pathSegments();
		if (segments.size() >= 2 && "api".equals(segments.get(segments.size() - 2))) {
			return segments.get(segments.size() - 1);
		}
		return "response_url";
	}

	private static String bodyOf(Request request) throws IOException {
		if (request.body() == null) {
			return "";
		}
		Buffer buffer = new Buffer();
		request.body().writeTo(buffer);
		return buffer.readUtf8();
	}

	private static Map<String, String> parameters(String body) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (body.startsWith("{")) {
			return parameters;
		}
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				parameters.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
			}
		}
		return parameters;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private String answer(String method, Map<String, String> parameters) {
		String ts = String.format("%d.%06d", Instant.now().getEpochSecond(), System.nanoTime() % 1_000_000);
		return switch (method) {
			case "auth.test" -> "{\"ok\":true,\"url\":\"https://legends-demo.invalid/\",\"team\":\"Legends Demo\","
					+ "\"user\":\"legends\",\"team_id\":\"" + TEAM_ID
					+ "\",\"user_id\":\"U0LEGENDS\",\"bot_id\":\"B0LEGENDS\"}";
			case "users.info" -> this.users.getOrDefault(parameters.getOrDefault("user", ""),
					userInfo(parameters.getOrDefault("user", "U0DEMO")));
			case "chat.postMessage", "chat.update", "chat.postEphemeral" ->
				"{\"ok\":true,\"channel\":\"" + parameters.getOrDefault("channel", "C0DEMO") + "\",\"ts\":\"" + ts
						+ "\",\"message_ts\":\"" + ts + "\"}";
			case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"D0DEMO\"}}";
			case "conversations.members" -> "{\"ok\":true,\"members\":["
					+ String.join(",", this.users.keySet().stream().sorted().map((id) -> "\"" + id + "\"").toList())
					+ "],\"response_metadata\":{\"next_cursor\":\"\"}}";
			case "views.open", "views.push", "views.update", "views.publish" ->
				"{\"ok\":true,\"view\":{\"id\":\"V0DEMO\"}}";
			case "files.getUploadURLExternal" ->
				"{\"ok\":true,\"upload_url\":\"https://files.legends-demo.invalid/upload/F0DEMO\",\"file_id\":\"F0DEMO\"}";
			default -> "{\"ok\":true}";
		};
	}

	private static String userInfo(String userId) {
		return "{\"ok\":true,\"user\":{\"id\":\"" + userId + "\",\"name\":\"demo\",\"real_name\":\"Demo Person\","
				+ "\"tz\":\"UTC\",\"is_admin\":true,\"profile\":{\"display_name\":\"Demo Person\","
				+ "\"real_name\":\"Demo Person\",\"email\":\"demo@legends.invalid\"}}}";
	}

	/**
	 * One recorded call.
	 *
	 * @param at when it was made
	 * @param method the Web API method, or {@code response_url}
	 * @param url the full URL
	 * @param parameters the form parameters (empty for JSON bodies)
	 * @param body the raw body
	 */
	public record RecordedCall(Instant at, String method, String url, Map<String, String> parameters, String body) {

	}

}
