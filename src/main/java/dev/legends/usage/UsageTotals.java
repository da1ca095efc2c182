package dev.legends.usage;

import java.math.BigDecimal;
import java.util.List;

/**
 * Usage summed over a period: tokens per class, requests, the sources' own cost and the
 * cost Legends estimates from its price table.
 *
 * @param inputTokens uncached input tokens
 * @param outputTokens output tokens
 * @param cacheReadInputTokens input tokens read from cache
 * @param cacheCreationInputTokens input tokens written to cache
 * @param reasoningTokens reasoning tokens (informational; counted inside output by the
 * providers)
 * @param requests requests
 * @param costUsdReported the sum of the costs the sources reported (records without one
 * add nothing)
 * @param costUsdEstimated the estimated cost of every token whose model has a price
 * @param priceUnknown whether some usage is of a model without a price, so that
 * {@code costUsdEstimated} is a lower bound
 * @param unpricedModels the models without a price, sorted
 */
public record UsageTotals(long inputTokens, long outputTokens, long cacheReadInputTokens, long cacheCreationInputTokens,
		long reasoningTokens, long requests, BigDecimal costUsdReported, BigDecimal costUsdEstimated,
		boolean priceUnknown, List<String> unpricedModels) {

	/** No usage at all. */
	public static final UsageTotals EMPTY = new UsageTotals(0, 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, false,
			List.of());

	public UsageTotals {
		unpricedModels = List.copyOf(unpricedModels);
	}

	/**
	 * Every token of every class except reasoning (which providers count inside output).
	 * @return input + cache read + cache creation + output
	 */
	public long totalTokens() {
		return UsageBounds.addCapped(UsageBounds.addCapped(this.inputTokens, this.cacheReadInputTokens),
				UsageBounds.addCapped(this.cacheCreationInputTokens, this.outputTokens));
	}

	/**
	 * Whether nothing at all was recorded.
	 * @return {@code true} for no tokens and no requests
	 */
	public boolean isEmpty() {
		return totalTokens() == 0 && this.reasoningTokens == 0 && this.requests == 0
				&& this.costUsdReported.signum() == 0;
	}

}
