package dev.legends.scoring;

import java.util.List;

import dev.legends.usage.UsageBounds;

/**
 * A person's AI usage in a period, as scoring sees it.
 *
 * @param inputTokens uncached input tokens
 * @param outputTokens output tokens
 * @param cacheReadTokens input tokens read from cache
 * @param cacheCreationTokens input tokens written to cache
 * @param reasoningTokens reasoning tokens
 * @param requests requests
 * @param reportedCostUsd the sources' own cost figures, summed
 * @param estimatedCostUsd Legends' estimate from its price table
 * @param priceUnknown whether some usage had a model without a known price
 * @param unpricedModels the models without a known price
 */
public record UsageFigures(long inputTokens, long outputTokens, long cacheReadTokens, long cacheCreationTokens,
		long reasoningTokens, long requests, double reportedCostUsd, double estimatedCostUsd, boolean priceUnknown,
		List<String> unpricedModels) {

	public UsageFigures {
		unpricedModels = List.copyOf(unpricedModels);
	}

	/**
	 * Figures without the names of unpriced models.
	 * @param inputTokens uncached input tokens
	 * @param outputTokens output tokens
	 * @param cacheReadTokens input tokens read from cache
	 * @param cacheCreationTokens input tokens written to cache
	 * @param reasoningTokens reasoning tokens
	 * @param requests requests
	 * @param reportedCostUsd the sources' own cost figures, summed
	 * @param estimatedCostUsd Legends' estimate from its price table
	 * @param priceUnknown whether some usage had a model without a known price
	 */
	public UsageFigures(long inputTokens, long outputTokens, long cacheReadTokens, long cacheCreationTokens,
			long reasoningTokens, long requests, double reportedCostUsd, double estimatedCostUsd,
			boolean priceUnknown) {
		this(inputTokens, outputTokens, cacheReadTokens, cacheCreationTokens, reasoningTokens, requests,
				reportedCostUsd, estimatedCostUsd, priceUnknown, List.of());
	}

	/** No usage at all. */
	public static final UsageFigures NONE = new UsageFigures(0, 0, 0, 0, 0, 0, 0, 0, false);

	/**
	 * Usage with only an estimated cost, for examples and tests.
	 * @param estimatedCostUsd the estimated cost
	 * @return the figures
	 */
	public static UsageFigures costing(double estimatedCostUsd) {
		return new UsageFigures(0, 0, 0, 0, 0, 0, 0, estimatedCostUsd, false);
	}

	/**
	 * Whether there is no usage at all (no tokens, requests or reported cost).
	 * @return {@code true} when empty
	 */
	public boolean isEmpty() {
		return totalTokens() == 0 && this.reasoningTokens == 0 && this.requests == 0 && this.reportedCostUsd == 0;
	}

	/**
	 * All tokens of every class (reasoning excluded, as it is part of output).
	 * @return the total
	 */
	public long totalTokens() {
		return UsageBounds.addCapped(UsageBounds.addCapped(this.inputTokens, this.outputTokens),
				UsageBounds.addCapped(this.cacheReadTokens, this.cacheCreationTokens));
	}

}
