package dev.legends.slack.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import dev.legends.slack.blocks.SlackText;
import dev.legends.usage.UsageTotals;

/**
 * Numbers of usage as people read them: tokens with separators, dollars with cents, and
 * "price unknown" where the price table has a gap.
 */
final class UsageText {

	private UsageText() {
	}

	static String tokens(long count) {
		return String.format(Locale.ROOT, "%,d", count);
	}

	static String dollars(BigDecimal amount) {
		BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP);
		if (amount.signum() > 0 && rounded.signum() == 0) {
			return "< $0.01";
		}
		return "$" + String.format(Locale.ROOT, "%,.2f", rounded);
	}

	static String estimatedCost(UsageTotals totals) {
		if (!totals.priceUnknown()) {
			return dollars(totals.costUsdEstimated());
		}
		String models = String.join(", ",
				totals.unpricedModels().stream().map((model) -> SlackText.echo(model, 128)).toList());
		return (totals.costUsdEstimated().signum() > 0)
				? dollars(totals.costUsdEstimated()) + " + price unknown for " + models
				: "price unknown (" + models + ")";
	}

}
