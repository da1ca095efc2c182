package dev.legends.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local fake of the Slack Web API: answers the methods Legends uses, records every call
 * (also {@code response_url} posts and file uploads) and can be told to fail.
 * <p>
 * One instance serves the whole test JVM ({@link #shared()}); tests {@link #reset()} it
 * and tell their calls apart by team, user and channel ids.
 */
public final class FakeSlackApi {

	/** The team id {@code auth.test} answers with. */
	public static final String TEAM_ID = "T0TEST";

	/** The bot's user id. */
	public static final String BOT_USER_ID = "U0LEGENDS";

	private static FakeSlackApi shared;

	private final HttpServer server;

	private final List<SlackCall> calls = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();

	private final Map<String, JsonObject> users = new ConcurrentHashMap<>();

	private final Map<String, List<String>> usergroups = new ConcurrentHashMap<>();

	private final Map<String, List<String>> channelMembers = new ConcurrentHashMap<>();

	private final Map<String, List<JsonObject>> channelHistory = new ConcurrentHashMap<>();

	private final Map<String, String> channelErrors = new ConcurrentHashMap<>();

	private final Map<String, String> historyErrors = new ConcurrentHashMap<>();

	private volatile Duration postDelay = Duration.ZERO;

	private final List<byte[]> uploads = new CopyOnWriteArrayList<>();

	private volatile ChannelLimiter channelLimiter;

	private final AtomicLong sequence = new AtomicLong(1);

	private volatile String socketModeUrl;

	private final Gson gson = new Gson();

	private final FakeSlackOAuth oauth = new FakeSlackOAuth();

	private FakeSlackApi() throws IOException {
		// Without TCP_NODELAY the JDK server adds ~40 ms (delayed ACK) to every call.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		AtomicLong threads = new AtomicLong();
		this.server.setExecutor(Executors.newFixedThreadPool(16, (task) -> {
			// named, so that benchmarks can count their CPU time apart from the app's
			Thread thread = new Thread(task, "fake-slack-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}));
		this.server.start();
	}

	/**
	 * The fake shared by every test in this JVM, started on first use.
	 * @return the fake
	 */
	public static synchronized FakeSlackApi shared() {
		if (shared == null) {
			try {
				shared = new FakeSlackApi();
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot start the fake Slack API", ex);
			}
		}
		return shared;
	}

	/**
	 * The methods URL prefix to give the app as {@code SLACK_API_URL}.
	 * @return the URL, ending in {@code /api/}
	 */
	public String apiUrl() {
		return baseUrl() + "/api/";
	}

	/**
	 * A {@code response_url} for a payload: posts to it are recorded as method
	 * {@code response_url}.
	 * @param id a name for the response
	 * @return the URL
	 */
	public String responseUrl(String id) {
		return baseUrl() + "/response/" + id;
	}

	private String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * The OAuth side of the fake: install approvals, {@code oauth.v2.access} and the
	 * tokens it issued.
	 * @return the OAuth fake
	 */
	public FakeSlackOAuth oauth() {
		return this.oauth;
	}

	/**
	 * Answer {@code apps.connections.open} with this WebSocket URL until reset.
	 * @param url the URL, e.g. from {@link FakeSocketModeServer#url()}
	 */
	public void setSocketModeUrl(String url) {
		this.socketModeUrl = url;
	}

	/** Forget all calls, failures, channel history and channel members (users stay). */
	public void reset() {
		this.socketModeUrl = null;
		this.calls.clear();
		this.channelMembers.clear();
		this.failures.clear();
		this.channelHistory.clear();
		this.channelErrors.clear();
		this.historyErrors.clear();
		this.postDelay = Duration.ZERO;
		this.uploads.clear();
		this.channelLimiter = null;
	}

	/**
	 * Enforce Slack's per-channel pace on {@code chat.postMessage} until reset: a post
	 * that comes sooner than {@code interval} after the last accepted one in its channel
	 * gets 429 with {@code Retry-After: 1}; besides, a share of the other posts gets a
	 * random 429 too.
	 * @param interval the least time between two posts to a channel
	 * @param random429 the share of posts answered 429 at random (0 to 1)
	 * @param seed the seed of the random choice
	 */
	public void limitChannels(Duration interval, double random429, long seed) {
		this.channelLimiter = new ChannelLimiter(interval, random429, new java.util.Random(seed));
	}

	/**
	 * What the per-channel limiter saw since {@link #limitChannels}.
	 * @return the figures
	 */
	public ChannelLimits channelLimits() {
		ChannelLimiter limiter = this.channelLimiter;
		return (limiter != null) ? limiter.figures() : new ChannelLimits(0, 0, 0, 0);
	}

	/**
	 * The time between each two consecutive posts the per-channel limiter accepted in a
	 * channel, over all channels, since {@link #limitChannels}: how closely posting
	 * follows the limit.
	 * @return the gaps, in no particular order
	 */
	public List<Duration> channelPostGaps() {
		ChannelLimiter limiter = this.channelLimiter;
		return (limiter != null) ? limiter.gaps() : List.of();
	}

	/**
	 * Per channel, since {@link #limitChannels}: when the limiter accepted its first and
	 * its last post, how many it accepted and how many it refused at random.
	 * @return the spans by channel id
	 */
	public Map<String, ChannelSpan> channelSpans() {
		ChannelLimiter limiter = this.channelLimiter;
		return (limiter != null) ? limiter.spans() : Map.of();
	}

	/**
	 * Channels that received any message since the last reset.
	 * @return the channel ids
	 */
	public java.util.Set<String> channelsWithMessages() {
		return java.util.Set.copyOf(this.channelHistory.keySet());
	}

	/**
	 * The raw bytes of every file uploaded (the POST to an {@code upload_url}) since the
	 * last reset, oldest first.
	 * @return the uploaded files
	 */
	public List<byte[]> uploads() {
		return List.copyOf(this.uploads);
	}

	/**
	 * Every call recorded since the last reset, oldest first.
	 * @return the calls
	 */
	public List<SlackCall> calls() {
		return List.copyOf(this.calls);
	}

	/**
	 * The calls of one method.
	 * @param method e.g. {@code chat.postMessage}
	 * @return the calls, oldest first
	 */
	public List<SlackCall> calls(String method) {
		return this.calls.stream().filter((call) -> call.method().equals(method)).toList();
	}

	/**
	 * The calls matching a condition.
	 * @param condition the condition
	 * @return the calls, oldest first
	 */
	public List<SlackCall> calls(Predicate<SlackCall> condition) {
		return this.calls.stream().filter(condition).toList();
	}

	/**
	 * The completed file uploads shared to one channel. Background uploads of other tests
	 * go to other channels, so a test that observes only its own channel sees only its
	 * own.
	 * @param channel the channel id
	 * @return the {@code files.completeUploadExternal} calls for that channel
	 */
	public List<SlackCall> uploadsTo(String channel) {
		return calls((call) -> call.method().equals("files.completeUploadExternal")
				&& channel.equals(call.param("channel_id")));
	}

	/**
	 * Wait until at least {@code count} calls of a method were recorded.
	 * @param method the method
	 * @param count how many
	 * @param timeout how long to wait at most
	 * @return the calls of that method
	 */
	public List<SlackCall> awaitCalls(String method, int count, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (calls(method).size() < count && Instant.now().isBefore(deadline)) {
			sleep(20);
		}
		return calls(method);
	}

	/**
	 * The messages posted to a channel (and kept as its history), newest first.
	 * @param channel the channel id
	 * @return the messages, with their metadata
	 */
	public List<JsonObject> messages(String channel) {
		return List.copyOf(this.channelHistory.getOrDefault(channel, List.of()));
	}

	/**
	 * Answer the next call of a method with an HTTP error (e.g. 429 with Retry-After, or
	 * 500).
	 * @param method the method
	 * @param status the HTTP status
	 * @param retryAfterSeconds the Retry-After header value, or 0 for none
	 */
	public void failNext(String method, int status, int retryAfterSeconds) {
		this.failures.computeIfAbsent(method, (key) -> new ArrayDeque<>())
			.add(new Failure(status, retryAfterSeconds, null));
	}

	/**
	 * Answer the next call of a method with {@code ok: false} and this error.
	 * @param method the method
	 * @param error Slack's error code, e.g. {@code channel_not_found}
	 */
	public void errorNext(String method, String error) {
		this.failures.computeIfAbsent(method, (key) -> new ArrayDeque<>()).add(new Failure(200, 0, error));
	}

	/**
	 * Make every post to a channel fail with this error until reset.
	 * @param channel the channel id
	 * @param error e.g. {@code not_in_channel}
	 */
	public void failChannel(String channel, String error) {
		this.channelErrors.put(channel, error);
	}

	/**
	 * Answer every {@code chat.postMessage} only after a delay (a slow Slack), until
	 * reset; the message is in the channel when the answer goes out.
	 * @param delay the delay
	 */
	public void slowPosts(Duration delay) {
		this.postDelay = delay;
	}

	/**
	 * Make every {@code conversations.history} of a channel fail with this error until
	 * reset (Slack's history unavailable).
	 * @param channel the channel id
	 * @param error e.g. {@code internal_error}
	 */
	public void failHistory(String channel, String error) {
		this.historyErrors.put(channel, error);
	}

	/**
	 * Add (or replace) a person that {@code users.info} and {@code users.lookupByEmail}
	 * know.
	 * @param user the person
	 */
	public void addUser(SlackUser user) {
		this.users.put(user.id(), user.toJson());
	}

	/**
	 * Set the members of a user group for {@code usergroups.users.list}.
	 * @param usergroupId the group id
	 * @param userIds its members
	 */
	public void setUsergroup(String usergroupId, List<String> userIds) {
		this.usergroups.put(usergroupId, List.copyOf(userIds));
	}

	/**
	 * Set the members of a channel for {@code conversations.members} until reset (which
	 * pages them by the call's {@code limit} and {@code cursor}); a channel not set has
	 * no members.
	 * @param channel the channel id
	 * @param userIds its members, people and bots
	 */
	public void setChannelMembers(String channel, List<String> userIds) {
		this.channelMembers.put(channel, List.copyOf(userIds));
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			byte[] raw = exchange.getRequestBody().readAllBytes();
			String body = new String(raw, StandardCharsets.UTF_8);
			String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
			String auth = exchange.getRequestHeaders().getFirst("Authorization");
			String method = methodOf(path);
			Map<String, String> params;
			if ("file_upload".equals(method)) {
				params = new LinkedHashMap<>();
				params.put("size", String.valueOf(raw.length));
				this.uploads.add(raw);
			}
			else {
				params = (contentType != null && contentType.contains("json")) ? jsonParams(body) : formParams(body);
			}
			if (exchange.getRequestURI().getRawQuery() != null) {
				params.putAll(formParams(exchange.getRequestURI().getRawQuery()));
			}
			String token = (auth != null && auth.startsWith("Bearer ")) ? auth.substring(7) : params.get("token");
			this.calls.add(new SlackCall(method, Collections.unmodifiableMap(params), body, token, Instant.now()));
			ChannelLimiter limiter = this.channelLimiter;
			if (limiter != null && "chat.postMessage".equals(method) && !limiter.admit(params.get("channel"))) {
				exchange.getResponseHeaders().add("Retry-After", "1");
				send(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
				return;
			}
			Failure failure = nextFailure(method);
			if (failure != null && failure.error() == null) {
				if (failure.retryAfterSeconds() > 0) {
					exchange.getResponseHeaders().add("Retry-After", String.valueOf(failure.retryAfterSeconds()));
				}
				send(exchange, failure.status(), "{\"ok\":false,\"error\":\""
						+ (failure.status() == 429 ? "ratelimited" : "internal_error") + "\"}");
				return;
			}
			String answer = (failure != null) ? error(failure.error())
					: this.oauth.answer(method, params, auth, token).orElseGet(() -> answer(method, params));
			send(exchange, 200, answer);
		}
	}

	private Failure nextFailure(String method) {
		Deque<Failure> queue = this.failures.get(method);
		return (queue != null) ? queue.poll() : null;
	}

	private static String methodOf(String path) {
		if (path.startsWith("/api/")) {
			return path.substring("/api/".length());
		}
		if (path.startsWith("/response/")) {
			return "response_url";
		}
		if (path.startsWith("/upload/")) {
			return "file_upload";
		}
		return path;
	}

	private String answer(String method, Map<String, String> params) {
		switch (method) {
			case "auth.test":
				return "{\"ok\":true,\"url\":\"https://legends-test.invalid/\",\"team\":\"Test\",\"user\":\"legends\","
						+ "\"team_id\":\"" + TEAM_ID + "\",\"user_id\":\"" + BOT_USER_ID
						+ "\",\"bot_id\":\"B0LEGENDS\"}";
			case "apps.connections.open":
				return (this.socketModeUrl != null) ? "{\"ok\":true,\"url\":\"" + this.socketModeUrl + "\"}"
						: error("invalid_auth");
			case "users.info":
				return userAnswer(this.users.get(params.get("user")));
			case "users.lookupByEmail":
				// Slack answers users_not_found here (users.info: user_not_found)
				return lookupAnswer(this.users.values()
					.stream()
					.filter((user) -> params.getOrDefault("email", "")
						.equalsIgnoreCase(user.getAsJsonObject("profile").get("email").getAsString()))
					.findFirst()
					.orElse(null));
			case "chat.postMessage":
				return postMessage(params);
			case "chat.update":
			case "chat.postEphemeral":
			case "chat.delete":
				return "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + nextTs()
						+ "\",\"message_ts\":\"" + nextTs() + "\"}";
			case "chat.getPermalink":
				return "{\"ok\":true,\"permalink\":\"https://legends-test.invalid/archives/" + params.get("channel")
						+ "/p" + params.getOrDefault("message_ts", "0").replace(".", "") + "\"}";
			case "conversations.open":
				return "{\"ok\":true,\"channel\":{\"id\":\"D" + params.getOrDefault("users", "X").split(",")[0]
						+ "\"}}";
			case "conversations.info":
				return "{\"ok\":true,\"channel\":{\"id\":\"" + params.get("channel") + "\",\"name\":\"general\","
						+ "\"is_channel\":true,\"is_member\":true}}";
			case "conversations.history":
				return history(params.get("channel"));
			case "conversations.members":
				return channelMembers(params);
			case "views.open":
			case "views.push":
			case "views.update":
			case "views.publish":
				return "{\"ok\":true,\"view\":{\"id\":\"V" + this.sequence.incrementAndGet() + "\"}}";
			case "files.getUploadURLExternal":
				String fileId = "F" + this.sequence.incrementAndGet();
				return "{\"ok\":true,\"upload_url\":\"" + baseUrl() + "/upload/" + fileId + "\",\"file_id\":\"" + fileId
						+ "\"}";
			case "files.completeUploadExternal":
				return "{\"ok\":true,\"files\":[{\"id\":\"F1\",\"title\":\"chart\"}]}";
			case "usergroups.users.list":
				List<String> members = this.usergroups.get(params.get("usergroup"));
				return (members != null) ? "{\"ok\":true,\"users\":" + this.gson.toJson(members) + "}"
						: error("no_such_subteam");
			default:
				return "{\"ok\":true}";
		}
	}

	private String postMessage(Map<String, String> params) {
		if (!this.postDelay.isZero()) {
			try {
				Thread.sleep(this.postDelay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		String channel = params.get("channel");
		String channelError = this.channelErrors.get(channel);
		if (channelError != null) {
			return error(channelError);
		}
		String ts = nextTs();
		JsonObject message = new JsonObject();
		message.addProperty("type", "message");
		message.addProperty("ts", ts);
		message.addProperty("text", params.getOrDefault("text", ""));
		message.addProperty("bot_id", "B0LEGENDS");
		if (params.containsKey("metadata")) {
			message.add("metadata", JsonParser.parseString(params.get("metadata")));
		}
		this.channelHistory.computeIfAbsent(channel, (key) -> new CopyOnWriteArrayList<>()).add(0, message);
		return "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\",\"message\":" + message + "}";
	}

	private String channelMembers(Map<String, String> params) {
		List<String> all = this.channelMembers.getOrDefault(params.get("channel"), List.of());
		int from = params.getOrDefault("cursor", "").startsWith("next:")
				? Integer.parseInt(params.get("cursor").substring("next:".length())) : 0;
		int limit = Integer.parseInt(params.getOrDefault("limit", "100"));
		int to = Math.min(all.size(), from + limit);
		String next = (to < all.size()) ? "next:" + to : "";
		return "{\"ok\":true,\"members\":" + this.gson.toJson(all.subList(Math.min(from, to), to))
				+ ",\"response_metadata\":{\"next_cursor\":\"" + next + "\"}}";
	}

	private String history(String channel) {
		String historyError = this.historyErrors.get(channel);
		if (historyError != null) {
			return error(historyError);
		}
		JsonArray messages = new JsonArray();
		this.channelHistory.getOrDefault(channel, List.of()).forEach(messages::add);
		return "{\"ok\":true,\"messages\":" + messages + ",\"has_more\":false}";
	}

	private String nextTs() {
		return Instant.now().getEpochSecond() + "."
				+ String.format("%06d", this.sequence.incrementAndGet() % 1_000_000);
	}

	private static String lookupAnswer(JsonObject user) {
		return (user != null) ? userAnswer(user) : error("users_not_found");
	}

	private static String userAnswer(JsonObject user) {
		return (user != null) ? "{\"ok\":true,\"user\":" + user + "}" : error("user_not_found");
	}

	private static String error(String error) {
		return "{\"ok\":false,\"error\":\"" + error + "\"}";
	}

	private static void send(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static Map<String, String> formParams(String body) {
		Map<String, String> params = new LinkedHashMap<>();
		if (body == null || body.isEmpty() || body.startsWith("{")) {
			return params;
		}
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			String key = (equals >= 0) ? pair.substring(0, equals) : pair;
			String value = (equals >= 0) ? pair.substring(equals + 1) : "";
			params.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return params;
	}

	private static Map<String, String> jsonParams(String body) {
		Map<String, String> params = new HashMap<>();
		if (body == null || !body.startsWith("{")) {
			return params;
		}
		for (Map.Entry<String, JsonElement> entry : JsonParser.parseString(body).getAsJsonObject().entrySet()) {
			JsonElement value = entry.getValue();
			params.put(entry.getKey(), value.isJsonPrimitive() ? value.getAsString() : value.toString());
		}
		return params;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Failure(int status, int retryAfterSeconds, String error) {

	}

	/**
	 * What the per-channel limiter saw.
	 *
	 * @param accepted posts accepted
	 * @param pacingRejected posts refused for coming too soon after the last in their
	 * channel
	 * @param randomRejected posts refused at random
	 * @param requiredNanos the least time the accepted posts needed under the limits: in
	 * the busiest channel, one interval per accepted post after the first and per random
	 * refusal
	 */
	public record ChannelLimits(int accepted, int pacingRejected, int randomRejected, long requiredNanos) {

		/**
		 * {@link #requiredNanos} in seconds.
		 * @return the seconds
		 */
		public double requiredSeconds() {
			return this.requiredNanos / 1e9;
		}

	}

	/**
	 * One channel's posts under the limiter.
	 *
	 * @param first when its first post was accepted
	 * @param last when its last post was accepted
	 * @param accepted posts accepted
	 * @param randomRejected posts refused at random
	 */
	public record ChannelSpan(Instant first, Instant last, int accepted, int randomRejected) {

	}

	private static final class ChannelLimiter {

		private final long intervalNanos;

		private final double random429;

		private final java.util.Random random;

		private final Map<String, long[]> channels = new HashMap<>();

		private final List<Duration> gaps = new ArrayList<>();

		private int accepted;

		private int pacingRejected;

		private int randomRejected;

		ChannelLimiter(Duration interval, double random429, java.util.Random random) {
			this.intervalNanos = interval.toNanos();
			this.random429 = random429;
			this.random = random;
		}

		/** Per channel: last accepted time, accepted count, random refusals. */
		synchronized boolean admit(String channel) {
			long now = System.nanoTime();
			long[] state = this.channels.computeIfAbsent(channel, (key) -> new long[] { Long.MIN_VALUE, 0, 0, 0 });
			if (state[1] > 0 && now - state[0] < this.intervalNanos) {
				this.pacingRejected++;
				return false;
			}
			if (this.random.nextDouble() < this.random429) {
				this.randomRejected++;
				state[2]++;
				return false;
			}
			if (state[1] > 0) {
				this.gaps.add(Duration.ofNanos(now - state[0]));
			}
			else {
				state[3] = now;
			}
			state[0] = now;
			state[1]++;
			this.accepted++;
			return true;
		}

		synchronized Map<String, ChannelSpan> spans() {
			Instant nowInstant = Instant.now();
			long nowNanos = System.nanoTime();
			Map<String, ChannelSpan> spans = new HashMap<>();
			this.channels.forEach(
					(channel, state) -> spans.put(channel, new ChannelSpan(nowInstant.minusNanos(nowNanos - state[3]),
							nowInstant.minusNanos(nowNanos - state[0]), (int) state[1], (int) state[2])));
			return spans;
		}

		synchronized List<Duration> gaps() {
			return List.copyOf(this.gaps);
		}

		synchronized ChannelLimits figures() {
			long required = this.channels.values()
				.stream()
				.mapToLong((state) -> (Math.max(0, state[1] - 1) + state[2]) * this.intervalNanos)
				.max()
				.orElse(0);
			return new ChannelLimits(this.accepted, this.pacingRejected, this.randomRejected, required);
		}

	}

	/**
	 * Snapshot of every recorded call, for assertions on what was sent where.
	 * @return a copy of the calls
	 */
	public List<SlackCall> snapshot() {
		return new ArrayList<>(this.calls);
	}

}
