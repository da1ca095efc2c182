package dev.legends.usage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The largest numbers one usage record may carry, whatever path it came in by (batch API,
 * importers, OTLP): every ingest path refuses a record past them, and the ledger refuses
 * to store one. With at most 10,000 records a batch, a batch's sums stay below 10^16 per
 * counter, far inside a {@code long} (see {@code docs/input-bounds.md}).
 */
public final class UsageBounds {

	/** Tokens of one class in one record: 10^12. */
	public static final long MAX_TOKENS = 1_000_000_000_000L;

	/** Requests in one record: 10^9. */
	public static final long MAX_REQUESTS = 1_000_000_000L;

	/** The source's cost of one record, in USD: 10^9. */
	public static final BigDecimal MAX_COST_USD = BigDecimal.valueOf(1_000_000_000L);

	private UsageBounds() {
	}

	/**
	 * What is wrong with a token count, if anything.
	 * @param tokens the count
	 * @return the problem, or {@code null}
	 */
	public static String tokens(long tokens) {
		if (tokens < 0) {
			return "must be a non-negative integer";
		}
		return (tokens > MAX_TOKENS) ? "must be at most " + MAX_TOKENS + " (10^12) tokens per record" : null;
	}

	/**
	 * What is wrong with a request count, if anything.
	 * @param requests the count
	 * @return the problem, or {@code null}
	 */
	public static String requests(long requests) {
		if (requests < 0) {
			return "must be a non-negative integer";
		}
		return (requests > MAX_REQUESTS) ? "must be at most " + MAX_REQUESTS + " (10^9) requests per record" : null;
	}

	/**
	 * What is wrong with a cost in USD, if anything ({@code null} is no cost).
	 * @param costUsd the cost
	 * @return the problem, or {@code null}
	 */
	public static String costUsd(BigDecimal costUsd) {
		if (costUsd == null) {
			return null;
		}
		if (costUsd.signum() < 0 || costUsd.compareTo(MAX_COST_USD) > 0) {
			return "must be a non-negative number of USD, at most " + MAX_COST_USD.toPlainString() + " (10^9)";
		}
		return null;
	}

	/**
	 * What is wrong with a double-valued cost or count (as OTLP sends them), if anything.
	 * @param value the value
	 * @param max the largest allowed
	 * @return the problem, or {@code null}
	 */
	public static String finite(double value, double max) {
		if (!Double.isFinite(value) || value < 0 || value > max) {
			return "must be a finite, non-negative number of at most " + BigDecimal.valueOf(max).toPlainString()
					+ ", not " + value;
		}
		return null;
	}

	/**
	 * Two counts added up for display or ranking: never wraps; a sum past a {@code long}
	 * is {@link Long#MAX_VALUE} (or {@link Long#MIN_VALUE} below it).
	 * @param a a count
	 * @param b another
	 * @return the sum, saturated
	 */
	public static long addCapped(long a, long b) {
		long sum = a + b;
		if (((a ^ sum) & (b ^ sum)) < 0) {
			return (a < 0) ? Long.MIN_VALUE : Long.MAX_VALUE;
		}
		return sum;
	}

	/**
	 * Every field of a record past the bounds, named as in the batch format.
	 * @param input the record
	 * @return the problems (empty when none)
	 */
	public static List<Problem> check(UsageInput input) {
		List<Problem> problems = new ArrayList<>(0);
		add(problems, "input_tokens", tokens(input.inputTokens()));
		add(problems, "output_tokens", tokens(input.outputTokens()));
		add(problems, "cache_read_input_tokens", tokens(input.cacheReadInputTokens()));
		add(problems, "cache_creation_input_tokens", tokens(input.cacheCreationInputTokens()));
		add(problems, "reasoning_tokens", tokens(input.reasoningTokens()));
		add(problems, "requests", requests(input.requests()));
		add(problems, "cost_usd", costUsd(input.costUsd()));
		return problems;
	}

	private static void add(List<Problem> problems, String field, String message) {
		if (message != null) {
			problems.add(new Problem(field, message));
		}
	}

	/**
	 * A field past its bound.
	 *
	 * @param field the field, as named in the batch format
	 * @param message what is wrong
	 */
	public record Problem(String field, String message) {

	}

}
