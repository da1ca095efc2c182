package dev.legends.slack;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.legends.RefusalLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Verifies Slack's request signature before anything parses the request: reads the raw
 * body once, checks the timestamp is within five minutes of now (either way) and the v0
 * HMAC-SHA256 over {@code v0:timestamp:body}, and only then hands Bolt the same bytes. A
 * forged, stale, future, tampered, unsigned or oversized request gets its 4xx here and
 * reaches nothing else.
 */
class SlackSignatureFilter extends OncePerRequestFilter {

	/** How far a request's timestamp may be from now, into the past or the future. */
	static final Duration WINDOW = Duration.ofMinutes(5);

	/** The largest body accepted from Slack (a 100-block modal is well below it). */
	static final int MAX_BYTES = 1024 * 1024;

	private static final String TIMESTAMP = "X-Slack-Request-Timestamp";

	private static final String SIGNATURE = "X-Slack-Signature";

	private final byte[] secret;

	private final Clock clock;

	SlackSignatureFilter(String signingSecret, Clock clock) {
		this.secret = (signingSecret != null) ? signingSecret.getBytes(StandardCharsets.UTF_8) : new byte[0];
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String problem = headerProblem(request.getHeader(TIMESTAMP), request.getHeader(SIGNATURE));
		if (problem != null) {
			refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, problem);
			return;
		}
		if (request.getContentLengthLong() > MAX_BYTES) {
			refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body over 1 MB");
			return;
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BYTES + 1);
		}
		if (body.length > MAX_BYTES) {
			refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body over 1 MB");
			return;
		}
		if (!signatureMatches(request.getHeader(TIMESTAMP).strip(), body, request.getHeader(SIGNATURE).strip())) {
			refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED,
					"signature mismatch (check SLACK_SIGNING_SECRET)");
			return;
		}
		chain.doFilter(new VerifiedRequest(request, body), response);
	}

	private String headerProblem(String timestamp, String signature) {
		if (timestamp == null || signature == null) {
			return "no Slack signature";
		}
		if (this.secret.length == 0) {
			return "no SLACK_SIGNING_SECRET configured";
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException ex) {
			return "timestamp not a number";
		}
		long skew = seconds - this.clock.instant().getEpochSecond();
		if (Math.abs(skew) > WINDOW.toSeconds()) {
			return (skew < 0) ? "timestamp more than 5 minutes old" : "timestamp more than 5 minutes in the future";
		}
		return null;
	}

	private boolean signatureMatches(String timestamp, byte[] body, String signature) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
			byte[] expected = ("v0=" + HexFormat.of().formatHex(mac.doFinal(body))).getBytes(StandardCharsets.UTF_8);
			return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String reason)
			throws IOException {
		RefusalLog.reason(request, reason);
		response.setStatus(status);
		response.setContentType("application/json");
		response.getWriter()
			.write((status == HttpServletResponse.SC_UNAUTHORIZED) ? "{\"error\":\"invalid_signature\"}"
					: "{\"error\":\"payload_too_large\"}");
	}

	/**
	 * The verified request as Bolt reads it: the same bytes that were signed.
	 */
	private static final class VerifiedRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		VerifiedRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body is already read");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), charset(getCharacterEncoding())));
		}

		private static Charset charset(String encoding) {
			try {
				return (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			}
			catch (IllegalArgumentException ex) {
				return StandardCharsets.UTF_8;
			}
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
