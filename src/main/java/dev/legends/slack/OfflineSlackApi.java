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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * Answers every outgoing Slack HTTP call locally, as Slack would, and records it, so that
 * demo mode never reaches slack.com. Installed as an OkHttp interceptor in the Slack
 * client. It answers the file upload flow too: {@code files.getUploadURLExternal} hands
 * out an upload URL on the demo app ({@value #FILES_PATH}), the raw upload is kept in
 * memory, and {@code files.completeUploadExternal} returns the files.
 */
public final class OfflineSlackApi implements Interceptor {

	/** The Slack team id demo mode pretends to be installed in. */
	public static final String TEAM_ID = "T0LEGENDS";

	/** Where uploaded files are served (and uploaded to) on the demo app. */
	public static final String FILES_PATH = "/demo/files/";

	private static final int KEPT_CALLS = 500;

	private static final int KEPT_FILES = 50;

	private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

	private final Deque<RecordedCall> calls = new ArrayDeque<>();

	private final Map<String, JsonObject> users = new ConcurrentHashMap<>();

	private final Map<String, String> channels = new ConcurrentHashMap<>();

	private final Map<String, UploadedFile> files = java.util.Collections.synchronizedMap(new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, UploadedFile> eldest) {
			return size() > KEPT_FILES;
		}

	});

	private final AtomicLong sequence = new AtomicLong();

	private volatile String baseUrl = "http://localhost:3000";

	private long recorded;

	/**
	 * The DM channel between Legends and a person, as {@code conversations.open} names
	 * it.
	 * @param userId the person's Slack user id
	 * @return the channel id ({@code D…})
	 */
	public static String dmChannelOf(String userId) {
		return userId.startsWith("U") ? "D" + userId.substring(1) : userId;
	}

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
	 * Say where the demo app listens, for the upload URLs handed out.
	 * @param baseUrl e.g. {@code http://localhost:3000}
	 */
	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * Let {@code users.info} and {@code users.lookupByEmail} know a person.
	 * @param userId the Slack user id
	 * @param name the display name
	 * @param email the email
	 * @param admin whether they are a workspace admin
	 */
	public void addUser(String userId, String name, String email, boolean admin) {
		JsonObject profile = new JsonObject();
		profile.addProperty("display_name", name);
		profile.addProperty("real_name", name);
		profile.addProperty("email", email);
		JsonObject user = new JsonObject();
		user.addProperty("id", userId);
		user.addProperty("team_id", TEAM_ID);
		user.addProperty("name", userId.toLowerCase());
		user.addProperty("real_name", name);
		user.addProperty("tz", "UTC");
		user.addProperty("is_admin", admin);
		user.add("profile", profile);
		this.users.put(userId, user);
	}

	/**
	 * Let {@code conversations.info} know a channel.
	 * @param channelId the channel id
	 * @param name its name, without {@code #}
	 */
	public void addChannel(String channelId, String name) {
		this.channels.put(channelId, name);
	}

	/**
	 * A file uploaded through the upload flow.
	 * @param fileId the file id
	 * @return the file, if it is still kept
	 */
	public Optional<UploadedFile> file(String fileId) {
		return Optional.ofNullable(this.files.get(fileId));
	}

	@Override
	public Response intercept(Chain chain) throws IOException {
		Request request = chain.request();
		String path = request.url().encodedPath();
		if (path.startsWith(FILES_PATH)) {
			return upload(request, path.substring(FILES_PATH.length()).replace("/upload", ""));
		}
		String body = bodyOf(request);
		String method = methodName(request);
		Map<String, String> parameters = parameters(body);
		String answer = answer(method, parameters);
		record(new RecordedCall(Instant.now(), method, request.url().toString(), parameters, body, answer));
		return respond(request, 200, answer);
	}

	private Response upload(Request request, String fileId) throws IOException {
		UploadedFile pending = this.files.get(fileId);
		if (pending == null || request.body() == null) {
			return respond(request, 404, "file not found");
		}
		Buffer buffer = new Buffer();
		request.body().writeTo(buffer);
		this.files.put(fileId, pending.withContent(buffer.readByteArray()));
		record(new RecordedCall(Instant.now(), "files.upload", request.url().toString(),
				Map.of("file_id", fileId, "length", String.valueOf(buffer.size())), "", "OK - " + buffer.size()));
		return respond(request, 200, "OK - " + this.files.get(fileId).content().length);
	}

	private static Response respond(Request request, int code, String body) {
		return new Response.Builder().request(request)
			.protocol(Protocol.HTTP_1_1)
			.code(code)
			.message((code == 200) ? "OK" : "Not Found")
			.body(ResponseBody.create(body, JSON))
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
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

	private String answer(String method, Map<String, String> parameters) {
		String ts = nextTs();
		return switch (method) {
			case "auth.test" -> "{\"ok\":true,\"url\":\"https://legends-demo.invalid/\",\"team\":\"Legends Demo\","
					+ "\"user\":\"legends\",\"team_id\":\"" + TEAM_ID
					+ "\",\"user_id\":\"U0LEGENDS\",\"bot_id\":\"B0LEGENDS\"}";
			case "users.info" -> userAnswer(this.users.get(parameters.getOrDefault("user", "")),
					parameters.getOrDefault("user", "U0DEMO"));
			case "users.lookupByEmail" -> this.users.values()
				.stream()
				.filter((user) -> user.getAsJsonObject("profile")
					.get("email")
					.getAsString()
					.equalsIgnoreCase(parameters.getOrDefault("email", "")))
				.findFirst()
				.map((user) -> userAnswer(user, null))
				.orElse("{\"ok\":false,\"error\":\"users_not_found\"}");
			case "chat.postMessage" ->
				"{\"ok\":true,\"channel\":\"" + channelOf(parameters.get("channel")) + "\",\"ts\":\"" + ts
						+ "\",\"message\":{\"type\":\"message\",\"bot_id\":\"B0LEGENDS\",\"ts\":\"" + ts + "\"}}";
			case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"" + ts + "\"}";
			case "chat.update", "chat.delete" -> "{\"ok\":true,\"channel\":\"" + channelOf(parameters.get("channel"))
					+ "\",\"ts\":\"" + parameters.getOrDefault("ts", ts) + "\"}";
			case "chat.getPermalink" -> "{\"ok\":true,\"channel\":\"" + parameters.get("channel")
					+ "\",\"permalink\":\"https://legends-demo.invalid/archives/" + parameters.get("channel") + "/p"
					+ parameters.getOrDefault("message_ts", ts).replace(".", "") + "\"}";
			case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\""
					+ dmChannelOf(parameters.getOrDefault("users", "U0DEMO").split(",")[0]) + "\"}}";
			case "conversations.info" -> "{\"ok\":true,\"channel\":{\"id\":\"" + parameters.get("channel")
					+ "\",\"name\":\"" + this.channels.getOrDefault(parameters.getOrDefault("channel", ""), "general")
					+ "\",\"is_channel\":true,\"is_member\":true}}";
			case "conversations.members" -> "{\"ok\":true,\"members\":["
					+ String.join(",", this.users.keySet().stream().sorted().map((id) -> "\"" + id + "\"").toList())
					+ "],\"response_metadata\":{\"next_cursor\":\"\"}}";
			case "conversations.history" ->
				"{\"ok\":true,\"messages\":[],\"has_more\":false,\"response_metadata\":{\"next_cursor\":\"\"}}";
			case "usergroups.users.list" -> "{\"ok\":false,\"error\":\"no_such_subteam\"}";
			case "views.open", "views.push", "views.update", "views.publish" -> viewAnswer(method, parameters);
			case "files.getUploadURLExternal" -> uploadUrl(parameters);
			case "files.completeUploadExternal" -> completeUpload(parameters);
			default -> "{\"ok\":true}";
		};
	}

	private String nextTs() {
		return String.format("%d.%06d", Instant.now().getEpochSecond(), this.sequence.incrementAndGet() % 1_000_000);
	}

	private static String channelOf(String channel) {
		return (channel != null) ? dmChannelOf(channel) : "C0DEMO";
	}

	private static String userAnswer(JsonObject user, String userId) {
		if (user == null) {
			return "{\"ok\":true,\"user\":{\"id\":\"" + userId + "\",\"name\":\"demo\",\"real_name\":\"Demo Person\","
					+ "\"tz\":\"UTC\",\"is_admin\":true,\"profile\":{\"display_name\":\"Demo Person\","
					+ "\"real_name\":\"Demo Person\",\"email\":\"demo@legends.invalid\"}}}";
		}
		JsonObject answer = new JsonObject();
		answer.addProperty("ok", true);
		answer.add("user", user);
		return answer.toString();
	}

	private String viewAnswer(String method, Map<String, String> parameters) {
		JsonObject view = parseObject(parameters.get("view"));
		String id = switch (method) {
			case "views.update" -> parameters.getOrDefault("view_id", "V0DEMO" + this.sequence.incrementAndGet());
			case "views.publish" -> "V0HOME" + parameters.getOrDefault("user_id", "");
			default -> "V0DEMO" + this.sequence.incrementAndGet();
		};
		view.addProperty("id", id);
		view.addProperty("team_id", TEAM_ID);
		view.addProperty("hash", nextTs());
		view.addProperty("app_id", "A0LEGENDS");
		view.addProperty("bot_id", "B0LEGENDS");
		view.add("state", JsonParser.parseString("{\"values\":{}}"));
		JsonObject answer = new JsonObject();
		answer.addProperty("ok", true);
		answer.add("view", view);
		return answer.toString();
	}

	private String uploadUrl(Map<String, String> parameters) {
		String fileId = "F0DEMO" + this.sequence.incrementAndGet();
		String filename = parameters.getOrDefault("filename", "file");
		this.files.put(fileId, new UploadedFile(fileId, filename, filename, mimetypeOf(filename), new byte[0]));
		return "{\"ok\":true,\"upload_url\":\"" + this.baseUrl + FILES_PATH + fileId + "/upload\",\"file_id\":\""
				+ fileId + "\"}";
	}

	private String completeUpload(Map<String, String> parameters) {
		JsonArray answered = new JsonArray();
		JsonElement requested = parseElement(parameters.get("files"));
		if (requested == null || !requested.isJsonArray()) {
			return "{\"ok\":false,\"error\":\"invalid_arguments\"}";
		}
		for (JsonElement element : requested.getAsJsonArray()) {
			String fileId = element.getAsJsonObject().get("id").getAsString();
			UploadedFile file = this.files.get(fileId);
			if (file == null) {
				return "{\"ok\":false,\"error\":\"file_not_found\"}";
			}
			if (element.getAsJsonObject().has("title")) {
				file = file.withTitle(element.getAsJsonObject().get("title").getAsString());
				this.files.put(fileId, file);
			}
			answered.add(file.toJson(this.baseUrl, parameters.get("channel_id")));
		}
		JsonObject answer = new JsonObject();
		answer.addProperty("ok", true);
		answer.add("files", answered);
		return answer.toString();
	}

	private static String mimetypeOf(String filename) {
		String lower = filename.toLowerCase();
		if (lower.endsWith(".png")) {
			return "image/png";
		}
		if (lower.endsWith(".json")) {
			return "application/json";
		}
		return lower.endsWith(".csv") ? "text/csv" : "application/octet-stream";
	}

	private static JsonObject parseObject(String json) {
		JsonElement element = parseElement(json);
		return (element != null && element.isJsonObject()) ? element.getAsJsonObject() : new JsonObject();
	}

	private static JsonElement parseElement(String json) {
		try {
			return (json != null) ? JsonParser.parseString(json) : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * One recorded call.
	 *
	 * @param at when it was made
	 * @param method the Web API method, {@code files.upload} for a raw upload, or
	 * {@code response_url}
	 * @param url the full URL
	 * @param parameters the form parameters (empty for JSON bodies)
	 * @param body the raw body (empty for a raw upload)
	 * @param answer what the demo answered, as Slack would have
	 */
	public record RecordedCall(Instant at, String method, String url, Map<String, String> parameters, String body,
			String answer) {

	}

	/**
	 * A file uploaded in demo mode.
	 *
	 * @param id the file id
	 * @param name the file name
	 * @param title its title
	 * @param mimetype its type, from the name
	 * @param content its bytes (empty until uploaded)
	 */
	public record UploadedFile(String id, String name, String title, String mimetype, byte[] content) {

		UploadedFile withContent(byte[] bytes) {
			return new UploadedFile(this.id, this.name, this.title, this.mimetype, bytes);
		}

		UploadedFile withTitle(String newTitle) {
			return new UploadedFile(this.id, this.name, newTitle, this.mimetype, this.content);
		}

		JsonObject toJson(String baseUrl, String channelId) {
			JsonObject json = new JsonObject();
			json.addProperty("id", this.id);
			json.addProperty("name", this.name);
			json.addProperty("title", this.title);
			json.addProperty("mimetype", this.mimetype);
			json.addProperty("size", this.content.length);
			json.addProperty("url_private", baseUrl + FILES_PATH + this.id);
			json.addProperty("permalink", baseUrl + FILES_PATH + this.id);
			if (channelId != null) {
				JsonArray channels = new JsonArray();
				channels.add(channelId);
				json.add("channels", channels);
			}
			return json;
		}

	}

}
