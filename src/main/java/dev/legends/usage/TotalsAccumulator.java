package dev.legends.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Adds up per-model counts into {@link UsageTotals}, pricing each model as it goes.
 */
final class TotalsAccumulator {

	private final Pricing pricing;

	private TokenCounts counts = TokenCounts.ZERO;

	private BigDecimal estimated = BigDecimal.ZERO;

	private final TreeSet<String> unpriced = new TreeSet<>();

	TotalsAccumulator(Pricing pricing) {
		this.pricing = pricing;
	}

	TotalsAccumulator add(String model, TokenCounts modelCounts) {
		this.counts = this.counts.plusCapped(modelCounts);
		Optional<BigDecimal> cost = this.pricing.estimate(model, modelCounts);
		if (cost.isPresent()) {
			this.estimated = this.estimated.add(cost.get());
		}
		else if (modelCounts.totalTokens() > 0 || modelCounts.reasoning() > 0) {
			this.unpriced.add(model);
		}
		return this;
	}

	UsageTotals totals() {
		return new UsageTotals(this.counts.input(), this.counts.output(), this.counts.cacheRead(),
				this.counts.cacheCreation(), this.counts.reasoning(), this.counts.requests(),
				this.counts.costReported().setScale(6, RoundingMode.HALF_UP),
				this.estimated.setScale(6, RoundingMode.HALF_UP), !this.unpriced.isEmpty(),
				this.unpriced.stream().toList());
	}

}
