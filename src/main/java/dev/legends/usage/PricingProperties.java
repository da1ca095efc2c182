package dev.legends.usage;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Legends' price table ({@code legends.pricing.models}): USD per million tokens for each
 * token class, per model-name prefix; the longest matching prefix wins.
 *
 * @param models the prices
 */
@ConfigurationProperties("legends.pricing")
record PricingProperties(@DefaultValue List<ModelPrice> models) {

	PricingProperties {
		models = List.copyOf(models);
	}

	/**
	 * The prices of the models whose names start with a prefix, in USD per million
	 * tokens.
	 *
	 * @param prefix the model-name prefix, e.g. {@code claude-sonnet-4}
	 * @param input uncached input
	 * @param output output
	 * @param cacheRead input read from cache ({@code null}: the input price)
	 * @param cacheWrite input written to cache ({@code null}: the input price)
	 * @param reasoning reasoning tokens reported apart from output ({@code null}: zero,
	 * since providers count them inside output)
	 */
	record ModelPrice(String prefix, BigDecimal input, BigDecimal output, BigDecimal cacheRead, BigDecimal cacheWrite,
			BigDecimal reasoning) {

		ModelPrice {
			if (prefix == null || prefix.isBlank() || input == null || output == null) {
				throw new IllegalArgumentException(
						"legends.pricing.models entries need prefix, input and output (USD per million tokens)");
			}
			prefix = prefix.strip().toLowerCase(java.util.Locale.ROOT);
			cacheRead = (cacheRead != null) ? cacheRead : input;
			cacheWrite = (cacheWrite != null) ? cacheWrite : input;
			reasoning = (reasoning != null) ? reasoning : BigDecimal.ZERO;
		}

	}

}
