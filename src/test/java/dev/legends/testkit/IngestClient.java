package dev.legends.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls the app's ingest HTTP API ({@code /api/v1/usage…}, {@code /otlp/…}) the way an
 * export job or a collector would, with an optional bearer key.
 */
public final class IngestClient {

	private static final Pattern KEY = Pattern.compile("lgk_[A-Za-z0-9_-]{43}");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final String key;

	/**
	 * A client for an app.
	 * @param baseUrl e.g. {@code http://127.0.0.1:1234}
	 * @param key the ingest key sent as {@code Authorization: Bearer …}, or {@code null}
	 */
	public IngestClient(String baseUrl, String key) {
		this.baseUrl = baseUrl;
		this.key = key;
	}

	/**
	 * Create a key in Slack ({@code /legends key create NAME} by the test admin) and
	 * return a client that uses it.
	 * @param slack the Slack client (its team is the key's workspace)
	 * @param name the key's name
	 * @return a client with the new key
	 */
	public static IngestClient withNewKey(SlackTestClient slack, String name) {
		String answer = slack.command(SlackTestClient.ADMIN_USER, "key create " + name).body();
		Matcher matcher = KEY.matcher(answer);
		if (!matcher.find()) {
			throw new IllegalStateException("No key in the answer: " + answer);
		}
		return new IngestClient(slack.baseUrl(), matcher.group());
	}

	/**
	 * The same app with another key (or none).
	 * @param key the key, or {@code null}
	 * @return a client
	 */
	public IngestClient withKey(String key) {
		return new IngestClient(this.baseUrl, key);
	}

	/**
	 * The same key against another instance.
	 * @param slack a client of that instance
	 * @return a client
	 */
	public IngestClient withBaseUrl(SlackTestClient slack) {
		return new IngestClient(slack.baseUrl(), this.key);
	}

	public String key() {
		return this.key;
	}

	/**
	 * POST a body.
	 * @param path e.g. {@code /api/v1/usage}
	 * @param contentType the content type
	 * @param body the bytes
	 * @return the answer
	 */
	public HttpResponse<String> post(String path, String contentType, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			// generous: a 2-core CI machine shared with other builds can be very slow
			.timeout(Duration.ofSeconds(300))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		return send(request);
	}

	/**
	 * POST a JSON body.
	 * @param path e.g. {@code /api/v1/usage}
	 * @param json the JSON
	 * @return the answer
	 */
	public HttpResponse<String> postJson(String path, String json) {
		return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * GET a path (with its query).
	 * @param pathAndQuery e.g. {@code /api/v1/usage/summary?start=…&end=…}
	 * @return the answer
	 */
	public HttpResponse<String> get(String pathAndQuery) {
		return send(
				HttpRequest.newBuilder(URI.create(this.baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(60)).GET());
	}

	/**
	 * POST a body of {@code size} zero bytes, streamed with a declared
	 * {@code Content-Length}, the way a client uploads a large file.
	 * @param path e.g. {@code /api/v1/usage}
	 * @param contentType the content type
	 * @param size the body's length
	 * @return the answer, as the client reads it
	 */
	public HttpResponse<String> postZeros(String path, String contentType, long size) {
		Supplier<InputStream> zeros = () -> new InputStream() {

			private long left = size;

			@Override
			public int read() {
				return (this.left-- > 0) ? 0 : -1;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				if (this.left <= 0) {
					return -1;
				}
				int count = (int) Math.min(length, this.left);
				Arrays.fill(buffer, offset, offset + count, (byte) 0);
				this.left -= count;
				return count;
			}

		};
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(120))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(zeros), size)));
	}

	/**
	 * Over a raw connection, send a request's head declaring {@code Content-Length} and
	 * only the first bytes of its body, then read the status the server answers with
	 * while the rest of the body is still due.
	 * @param path e.g. {@code /api/v1/usage}
	 * @param contentType the content type
	 * @param declaredLength the declared {@code Content-Length}
	 * @param firstBytes the part of the body actually sent
	 * @return the answer's status code
	 */
	public int statusBeforeBodyIsSent(String path, String contentType, long declaredLength, String firstBytes) {
		Map<String, String> headers = headers(contentType);
		headers.put("Content-Length", String.valueOf(declaredLength));
		return RawHttp.partial(this.baseUrl, "POST", path, headers, firstBytes.getBytes(StandardCharsets.UTF_8))
			.status();
	}

	/**
	 * Send a request exactly as written (e.g. with a query {@code java.net.http} refuses,
	 * such as {@code start=%ZZ}), with the key if any.
	 * @param method the method
	 * @param target the path and query as sent
	 * @param contentType the content type, or {@code null}
	 * @param body the body, or {@code null}
	 * @return the answer
	 */
	public RawHttp.Response raw(String method, String target, String contentType, byte[] body) {
		return RawHttp.exchange(this.baseUrl, method, target, headers(contentType), body);
	}

	private Map<String, String> headers(String contentType) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (contentType != null) {
			headers.put("Content-Type", contentType);
		}
		if (this.key != null) {
			headers.put("Authorization", "Bearer " + this.key);
		}
		return headers;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		if (this.key != null) {
			request.header("Authorization", "Bearer " + this.key);
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

}
