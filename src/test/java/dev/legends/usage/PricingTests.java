package dev.legends.usage;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import dev.legends.usage.PricingProperties.ModelPrice;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The price table: prefixes, token classes, unknown models, and the defaults shipped in
 * {@code application.yml}.
 */
class PricingTests {

	private final Pricing defaults = new Pricing(defaultProperties());

	@Test
	void estimateWhenSonnetPricesEachTokenClassApart() {
		TokenCounts counts = new TokenCounts(1_000_000, 1_000_000, 1_000_000, 1_000_000, 0, 3, BigDecimal.ZERO, 1);
		// 3.00 input + 15.00 output + 0.30 cache read + 3.75 cache write
		assertThat(this.defaults.estimate("claude-sonnet-4-5-20250929", counts)).contains(new BigDecimal("22.050000"));
	}

	@Test
	void estimateWhenCacheReadsOnlyChargesCacheReadPrice() {
		TokenCounts reads = new TokenCounts(0, 0, 50_000, 0, 0, 1, BigDecimal.ZERO, 1);
		assertThat(this.defaults.estimate("claude-sonnet-4-5", reads)).contains(new BigDecimal("0.015000"));
	}

	@Test
	void estimateWhenPricesAreWholePicodollarsMatchesTheDecimalArithmetic() {
		java.util.Random random = new java.util.Random(7);
		Pricing pricing = new Pricing(new PricingProperties(List.of(
				new ModelPrice("fine", new BigDecimal("0.075"), new BigDecimal("15.123456"), new BigDecimal("0.3"),
						new BigDecimal("3.75"), new BigDecimal("1.000001")),
				new ModelPrice("odd", new BigDecimal("0.0000001"), new BigDecimal("2"), null, null, null))));
		for (int i = 0; i < 10_000; i++) {
			long scale = (i % 3 == 0) ? 1_000_000_000L : 100_000;
			TokenCounts counts = new TokenCounts(random.nextLong(scale), random.nextLong(scale), random.nextLong(scale),
					random.nextLong(scale), random.nextLong(scale), 1, BigDecimal.ZERO, 1);
			for (String model : List.of("fine", "odd")) {
				assertThat(pricing.estimate(model, counts))
					.contains(Pricing.decimalCost(pricing.priceOf(model).orElseThrow(), counts));
			}
		}
		TokenCounts huge = new TokenCounts(Long.MAX_VALUE / 2, 0, 0, 0, 0, 1, BigDecimal.ZERO, 1);
		assertThat(pricing.estimate("fine", huge))
			.contains(Pricing.decimalCost(pricing.priceOf("fine").orElseThrow(), huge));
	}

	@Test
	void priceOfWhenSeveralPrefixesMatchUsesTheLongest() {
		assertThat(this.defaults.priceOf("claude-opus-4-5-20251101").orElseThrow().input())
			.isEqualByComparingTo("5.00");
		assertThat(this.defaults.priceOf("claude-opus-4-1-20250805").orElseThrow().input())
			.isEqualByComparingTo("15.00");
		assertThat(this.defaults.priceOf("gpt-4o-mini-2024-07-18").orElseThrow().input()).isEqualByComparingTo("0.15");
		assertThat(this.defaults.priceOf("gpt-4o-2024-08-06").orElseThrow().input()).isEqualByComparingTo("2.50");
	}

	@Test
	void priceOfWhenProviderPrefixedFindsTheModel() {
		assertThat(this.defaults.priceOf("anthropic/claude-haiku-4-5")).isPresent();
		assertThat(this.defaults.priceOf("us.anthropic.claude-sonnet-4-5-20250929-v1:0")).isPresent();
		assertThat(this.defaults.priceOf("models/gemini-2.5-flash").orElseThrow().output())
			.isEqualByComparingTo("2.50");
		assertThat(this.defaults.priceOf("GPT-5")).isPresent();
	}

	@Test
	void defaultsWhenLoadedCoverEveryFamily() {
		for (String model : List.of("claude-opus-4-5", "claude-sonnet-4", "claude-haiku-4-5", "gpt-4o", "gpt-4.1",
				"gpt-5", "o3", "o4-mini", "o1", "gemini-2.5-pro", "gemini-2.0-flash")) {
			assertThat(this.defaults.priceOf(model)).as(model).isPresent();
		}
	}

	@Test
	void accumulatorWhenModelUnknownFlagsPriceUnknownInsteadOfZero() {
		TotalsAccumulator totals = new TotalsAccumulator(this.defaults);
		totals.add("claude-sonnet-4-5", new TokenCounts(1_000_000, 0, 0, 0, 0, 1, BigDecimal.ONE, 1));
		totals.add("mystery-model-7", new TokenCounts(500, 500, 0, 0, 0, 1, BigDecimal.ZERO, 1));
		UsageTotals result = totals.totals();
		assertThat(result.priceUnknown()).isTrue();
		assertThat(result.unpricedModels()).containsExactly("mystery-model-7");
		assertThat(result.costUsdEstimated()).isEqualByComparingTo("3.00");
		assertThat(result.inputTokens()).isEqualTo(1_000_500);
	}

	@Test
	void modelPriceWhenCacheAndReasoningPricesMissingUsesInputAndZero() {
		ModelPrice price = new ModelPrice("Acme-1", BigDecimal.ONE, BigDecimal.TEN, null, null, null);
		assertThat(price.prefix()).isEqualTo("acme-1");
		assertThat(price.cacheRead()).isEqualTo(BigDecimal.ONE);
		assertThat(price.cacheWrite()).isEqualTo(BigDecimal.ONE);
		assertThat(price.reasoning()).isEqualTo(BigDecimal.ZERO);
	}

	static PricingProperties defaultProperties() {
		try {
			StandardEnvironment environment = new StandardEnvironment();
			new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
				.forEach(environment.getPropertySources()::addLast);
			return Binder.get(environment).bind("legends.pricing", PricingProperties.class).get();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
