package dev.legends.slack.digest;

import java.io.IOException;
import java.time.Duration;

import com.slack.api.methods.SlackApiException;

/**
 * Slack's answers worth waiting for: 429 with its {@code Retry-After}, 5xx and network
 * failures with bounded exponential backoff.
 */
final class SlackRetries {

	/** Tries of a call that keeps failing with 5xx or a network error. */
	static final int MAX_ATTEMPTS = 4;

	/** Rate-limit waits honoured before giving up. */
	static final int MAX_RATE_LIMITED = 10;

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

	private SlackRetries() {
	}

	/**
	 * How long Slack asked to wait, from a 429's {@code Retry-After} header.
	 * @param ex the exception
	 * @return the wait, or empty when the answer was not a 429
	 */
	static Duration retryAfter(SlackApiException ex) {
		if (ex.getResponse() == null || ex.getResponse().code() != 429) {
			return null;
		}
		String header = ex.getResponse().header("Retry-After");
		try {
			return Duration.ofSeconds((header != null) ? Math.max(1, Long.parseLong(header.trim())) : 1);
		}
		catch (NumberFormatException nfe) {
			return Duration.ofSeconds(1);
		}
	}

	/**
	 * Whether a failure is Slack's or the network's (5xx, I/O) and worth retrying.
	 * @param ex the failure
	 * @return {@code true} for transient failures
	 */
	static boolean isTransient(Exception ex) {
		if (ex instanceof IOException) {
			return true;
		}
		return ex instanceof SlackApiException api && api.getResponse() != null && api.getResponse().code() >= 500;
	}

	/**
	 * The backoff before attempt {@code attempt + 1}.
	 * @param attempt attempts made so far (1 = first)
	 * @return the delay
	 */
	static Duration backoff(int attempt) {
		Duration delay = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 10));
		return (delay.compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : delay;
	}

	/**
	 * Make a call, waiting out rate limits and retrying transient failures (blocking).
	 * @param <T> the response type
	 * @param call the call
	 * @return the response
	 * @throws IOException when the network keeps failing
	 * @throws SlackApiException when Slack keeps failing or refuses
	 */
	static <T> T call(SlackCall<T> call) throws IOException, SlackApiException {
		int attempts = 0;
		int rateLimited = 0;
		while (true) {
			try {
				return call.call();
			}
			catch (SlackApiException | IOException ex) {
				Duration wait = (ex instanceof SlackApiException api) ? retryAfter(api) : null;
				if (wait != null && ++rateLimited < MAX_RATE_LIMITED) {
					sleep(wait);
				}
				else if (isTransient(ex) && ++attempts < MAX_ATTEMPTS) {
					sleep(backoff(attempts));
				}
				else {
					throw ex;
				}
			}
		}
	}

	private static void sleep(Duration duration) throws IOException {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

	/**
	 * A Slack Web API call.
	 *
	 * @param <T> the response type
	 */
	@FunctionalInterface
	interface SlackCall<T> {

		T call() throws IOException, SlackApiException;

	}

}
