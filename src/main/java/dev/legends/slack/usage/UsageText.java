package dev.legends.slack.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import dev.legends.scoring.UsageFigures;
import dev.legends.slack.blocks.SlackText;

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

	static String estimatedCost(UsageFigures usage) {
		BigDecimal estimated = BigDecimal.valueOf(usage.estimatedCostUsd());
		if (!usage.priceUnknown()) {
			return dollars(estimated);
		}
		String models = String.join(", ",
				usage.unpricedModels().stream().map((model) -> SlackText.echo(model, 128)).toList());
		return (estimated.signum() > 0) ? dollars(estimated) + " + price unknown for " + models
				: "price unknown (" + models + ")";
	}

}
