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

	TokenCounts plus(TokenCounts other) {
		return new TokenCounts(this.input + other.input, this.output + other.output, this.cacheRead + other.cacheRead,
				this.cacheCreation + other.cacheCreation, this.reasoning + other.reasoning,
				this.requests + other.requests, this.costReported.add(other.costReported),
				this.records + other.records);
	}

	long totalTokens() {
		return this.input + this.output + this.cacheRead + this.cacheCreation;
	}

}
