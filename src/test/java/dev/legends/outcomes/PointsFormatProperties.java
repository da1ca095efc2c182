package dev.legends.outcomes;

import java.util.Locale;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Points read the same however they are formatted: two decimals at most, rounded as
 * {@code "%.2f"} rounds, without trailing zeros.
 */
class PointsFormatProperties {

	@Property(tries = 5000)
	void formatWhenAnyPointsValueReadsAsTwoDecimalRoundingWithoutTrailingZeros(
			@ForAll @DoubleRange(min = 0, max = 1_000_000) double points) {
		String twoDecimals = String.format(Locale.ROOT, "%.2f", points);
		String expected = twoDecimals.contains(".") ? twoDecimals.replaceAll("0+$", "").replaceAll("\\.$", "")
				: twoDecimals;
		assertThat(OutcomePoints.format(points)).isEqualTo(expected);
	}

}
