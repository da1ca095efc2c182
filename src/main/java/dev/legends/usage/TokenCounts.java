package dev.legends.usage;

import java.math.BigDecimal;

/**
 * Summed counters of usage (of one record, or of a rollup row or query group).
 *
 * @param input uncached input tokens
 * @param output output tokens
 * @param cacheRead cache-read input tokens
 * @param cacheCreation cache-creation input tokens
 * @param reasoning reasoning tokens
 * @param requests requests
 * @param costReported the sources' cost, zero when none reported
 * @param records how many records
 */
record TokenCounts(long input, long output, long cacheRead, long cacheCreation, long reasoning, long requests,
		BigDecimal costReported, long records) {

	static final TokenCounts ZERO = new TokenCounts(0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0);

	static TokenCounts of(UsageInput input) {
		return new TokenCounts(input.inputTokens(), input.outputTokens(), input.cacheReadInputTokens(),
				input.cacheCreationInputTokens(), input.reasoningTokens(), input.requests(),
				(input.costUsd() != null) ? input.costUsd() : BigDecimal.ZERO, 1);
	}

	/**
	 * These counts and others added up exactly, for sums that are stored (a batch's
	 * hourly sums, a fold, period rows): a sum past a {@code long} throws instead of
	 * wrapping, so the fold that needs it fails and its pending row is quarantined.
	 * @param other the counts to add
	 * @return the sum
	 * @throws ArithmeticException when a counter would overflow
	 */
	TokenCounts plus(TokenCounts other) {
		return new TokenCounts(Math.addExact(this.input, other.input), Math.addExact(this.output, other.output),
				Math.addExact(this.cacheRead, other.cacheRead), Math.addExact(this.cacheCreation, other.cacheCreation),
				Math.addExact(this.reasoning, other.reasoning), Math.addExact(this.requests, other.requests),
				this.costReported.add(other.costReported), Math.addExact(this.records, other.records));
	}

	/**
	 * These counts and others added up for a read (totals of a window): a counter past a
	 * {@code long} stays at {@link Long#MAX_VALUE} instead of wrapping or failing the
	 * read. Stored rows are each within a {@code long}; only the sum of many rows at the
	 * bounds could get there (see {@code docs/input-bounds.md}).
	 * @param other the counts to add
	 * @return the sum, each counter at most {@link Long#MAX_VALUE}
	 */
	TokenCounts plusCapped(TokenCounts other) {
		return new TokenCounts(UsageBounds.addCapped(this.input, other.input),
				UsageBounds.addCapped(this.output, other.output),
				UsageBounds.addCapped(this.cacheRead, other.cacheRead),
				UsageBounds.addCapped(this.cacheCreation, other.cacheCreation),
				UsageBounds.addCapped(this.reasoning, other.reasoning),
				UsageBounds.addCapped(this.requests, other.requests), this.costReported.add(other.costReported),
				UsageBounds.addCapped(this.records, other.records));
	}

	/**
	 * Every token except reasoning, at most {@link Long#MAX_VALUE}.
	 * @return input + output + cache read + cache creation
	 */
	long totalTokens() {
		return UsageBounds.addCapped(UsageBounds.addCapped(this.input, this.output),
				UsageBounds.addCapped(this.cacheRead, this.cacheCreation));
	}

}
