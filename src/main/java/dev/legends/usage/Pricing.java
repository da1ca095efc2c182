package dev.legends.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.legends.usage.PricingProperties.ModelPrice;

import org.springframework.stereotype.Component;

/**
 * Estimates the cost of tokens from the price table: per token class, for the model whose
 * configured prefix matches the model name best; a model without a price is "price
 * unknown", never free.
 */
@Component
class Pricing {

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	private final List<ModelPrice> prices;

	private final Map<String, Optional<ModelPrice>> cache = new ConcurrentHashMap<>();

	private final Map<ModelPrice, long[]> picodollarsPerToken = new IdentityHashMap<>();

	Pricing(PricingProperties properties) {
		this.prices = properties.models()
			.stream()
			.sorted(Comparator.comparingInt((ModelPrice price) -> price.prefix().length()).reversed())
			.toList();
		this.prices
			.forEach((price) -> picodollars(price).ifPresent((pico) -> this.picodollarsPerToken.put(price, pico)));
	}

	/**
	 * A price in whole picodollars per token per class (USD per million tokens times a
	 * million), when every class has at most six decimals.
	 */
	private static Optional<long[]> picodollars(ModelPrice price) {
		BigDecimal[] perMillion = { price.input(), price.output(), price.cacheRead(), price.cacheWrite(),
				price.reasoning() };
		long[] pico = new long[perMillion.length];
		for (int i = 0; i < perMillion.length; i++) {
			try {
				pico[i] = perMillion[i].movePointRight(6).longValueExact();
			}
			catch (ArithmeticException notWhole) {
				return Optional.empty();
			}
		}
		return Optional.of(pico);
	}

	/**
	 * The price for a model: the longest configured prefix of its name, also after a
	 * provider prefix such as {@code anthropic/} or {@code us.anthropic.}.
	 * @param model the model name as the source gave it
	 * @return the price, or empty when unknown
	 */
	Optional<ModelPrice> priceOf(String model) {
		if (model == null) {
			return Optional.empty();
		}
		return this.cache.computeIfAbsent(model, this::lookup);
	}

	/**
	 * Estimate the cost of some tokens of one model.
	 * @param model the model
	 * @param counts the tokens
	 * @return the cost in USD, or empty when the model has no price
	 */
	Optional<BigDecimal> estimate(String model, TokenCounts counts) {
		return priceOf(model).map((price) -> cost(price, counts));
	}

	/**
	 * The cost of tokens at a price, rounded half up to a millionth of a dollar. Prices
	 * with at most six decimals per million tokens are whole picodollars per token, so
	 * the sum is exact in a {@code long} (and cheap, which counts when a board prices
	 * tens of thousands of rows); anything else, or an overflow, takes the decimal path,
	 * with the same result.
	 */
	BigDecimal cost(ModelPrice price, TokenCounts counts) {
		long[] pico = this.picodollarsPerToken.get(price);
		if (pico != null) {
			try {
				long total = Math.multiplyExact(pico[0], counts.input());
				total = Math.addExact(total, Math.multiplyExact(pico[1], counts.output()));
				total = Math.addExact(total, Math.multiplyExact(pico[2], counts.cacheRead()));
				total = Math.addExact(total, Math.multiplyExact(pico[3], counts.cacheCreation()));
				total = Math.addExact(total, Math.multiplyExact(pico[4], counts.reasoning()));
				return BigDecimal.valueOf(total, 12).setScale(6, RoundingMode.HALF_UP);
			}
			catch (ArithmeticException overflow) {
				// beyond a long: the decimal path below
			}
		}
		return decimalCost(price, counts);
	}

	static BigDecimal decimalCost(ModelPrice price, TokenCounts counts) {
		BigDecimal perMillion = price.input()
			.multiply(BigDecimal.valueOf(counts.input()))
			.add(price.output().multiply(BigDecimal.valueOf(counts.output())))
			.add(price.cacheRead().multiply(BigDecimal.valueOf(counts.cacheRead())))
			.add(price.cacheWrite().multiply(BigDecimal.valueOf(counts.cacheCreation())))
			.add(price.reasoning().multiply(BigDecimal.valueOf(counts.reasoning())));
		return perMillion.divide(MILLION, 6, RoundingMode.HALF_UP);
	}

	private Optional<ModelPrice> lookup(String model) {
		String name = model.strip().toLowerCase(Locale.ROOT);
		for (String candidate : candidates(name)) {
			for (ModelPrice price : this.prices) {
				if (candidate.startsWith(price.prefix())) {
					return Optional.of(price);
				}
			}
		}
		return Optional.empty();
	}

	private static List<String> candidates(String name) {
		String afterSlash = name.substring(name.lastIndexOf('/') + 1);
		int vendor = afterSlash.indexOf("anthropic.");
		String afterVendor = (vendor >= 0) ? afterSlash.substring(vendor + "anthropic.".length()) : afterSlash;
		return List.of(name, afterSlash, afterVendor);
	}

}
