package dev.legends.ingest.otlp;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;
import org.junit.jupiter.api.Test;

import static dev.legends.ingest.otlp.OtlpRequests.MINUTE;
import static dev.legends.ingest.otlp.OtlpRequests.T0;
import static org.assertj.core.api.Assertions.assertThat;

class MetricUsageTests {

	private static final UsageIdentity KEY = UsageIdentity.apiKeyName("team-laptops");

	@Test
	void recordsWhenDeltaCombinesTokenTypesAndCostIntoOneRecord() {
		var request = OtlpRequests.delta("ada@example.com")
			.tokens("input", T0, T0 + MINUTE, 1200)
			.tokens("output", T0, T0 + MINUTE, 800)
			.tokens("cacheRead", T0, T0 + MINUTE, 50000)
			.tokens("cacheCreation", T0, T0 + MINUTE, 3000)
			.cost(T0, T0 + MINUTE, 0.42)
			.build();
		List<UsageInput> usage = MetricUsage.records(ClaudeCodeMetrics.points(request, KEY), new SeriesState(Map.of()));
		assertThat(usage).singleElement().satisfies((record) -> {
			assertThat(record.user()).isEqualTo(UsageIdentity.email("ada@example.com"));
			assertThat(record.model()).isEqualTo("claude-sonnet-4-5-20250929");
			assertThat(record.source()).isEqualTo("claude-code-otel");
			assertThat(record.inputTokens()).isEqualTo(1200);
			assertThat(record.outputTokens()).isEqualTo(800);
			assertThat(record.cacheReadInputTokens()).isEqualTo(50000);
			assertThat(record.cacheCreationInputTokens()).isEqualTo(3000);
			assertThat(record.costUsd()).isEqualByComparingTo(new BigDecimal("0.42"));
		});
	}

	@Test
	void recordsWhenDeltaCountsEveryPoint() {
		var first = OtlpRequests.delta("ada@example.com").tokens("input", T0, T0 + MINUTE, 100).build();
		var second = OtlpRequests.delta("ada@example.com").tokens("input", T0 + MINUTE, T0 + 2 * MINUTE, 100).build();
		SeriesState state = new SeriesState(Map.of());
		List<UsageInput> usage = new java.util.ArrayList<>(
				MetricUsage.records(ClaudeCodeMetrics.points(first, KEY), state));
		usage.addAll(MetricUsage.records(ClaudeCodeMetrics.points(second, KEY), state));
		assertThat(usage).extracting(UsageInput::inputTokens).containsExactly(100L, 100L);
		assertThat(usage).extracting(UsageInput::id).doesNotHaveDuplicates();
	}

	@Test
	void recordsWhenDeltaResentGivesTheSameIds() {
		var request = OtlpRequests.delta("ada@example.com").tokens("input", T0, T0 + MINUTE, 100).build();
		List<UsageInput> first = MetricUsage.records(ClaudeCodeMetrics.points(request, KEY), new SeriesState(Map.of()));
		List<UsageInput> again = MetricUsage.records(ClaudeCodeMetrics.points(request, KEY), new SeriesState(Map.of()));
		assertThat(again).extracting(UsageInput::id).isEqualTo(first.stream().map(UsageInput::id).toList());
	}

	@Test
	void recordsWhenCumulativeCountsOnlyTheIncrease() {
		SeriesState state = new SeriesState(Map.of());
		var first = OtlpRequests.cumulative("ada@example.com")
			.tokens("input", T0, T0 + MINUTE, 1000)
			.tokens("output", T0, T0 + MINUTE, 200)
			.build();
		var second = OtlpRequests.cumulative("ada@example.com")
			.tokens("input", T0, T0 + 2 * MINUTE, 1500)
			.tokens("output", T0, T0 + 2 * MINUTE, 200)
			.build();
		List<UsageInput> one = MetricUsage.records(ClaudeCodeMetrics.points(first, KEY), state);
		List<UsageInput> two = MetricUsage.records(ClaudeCodeMetrics.points(second, KEY), state);
		List<UsageInput> resent = MetricUsage.records(ClaudeCodeMetrics.points(second, KEY), state);
		assertThat(one).singleElement().satisfies((record) -> {
			assertThat(record.inputTokens()).isEqualTo(1000);
			assertThat(record.outputTokens()).isEqualTo(200);
		});
		assertThat(two).singleElement().satisfies((record) -> {
			assertThat(record.inputTokens()).isEqualTo(500);
			assertThat(record.outputTokens()).isZero();
			assertThat(record.start()).isEqualTo(java.time.Instant.ofEpochSecond(0, T0 + MINUTE));
		});
		assertThat(resent).isEmpty();
	}

	@Test
	void recordsWhenCumulativeValueDropsTreatsItAsAReset() {
		SeriesState state = new SeriesState(Map.of());
		MetricUsage.records(ClaudeCodeMetrics
			.points(OtlpRequests.cumulative(null).tokens("input", T0, T0 + MINUTE, 1000).build(), KEY), state);
		List<UsageInput> afterReset = MetricUsage.records(ClaudeCodeMetrics
			.points(OtlpRequests.cumulative(null).tokens("input", T0, T0 + 2 * MINUTE, 300).build(), KEY), state);
		assertThat(afterReset).singleElement().satisfies((record) -> {
			assertThat(record.inputTokens()).isEqualTo(300);
			assertThat(record.user()).isEqualTo(new UsageIdentity(UsageIdentity.Kind.ACCOUNT_ID, "6a1e8f52-account"));
		});
	}

}
