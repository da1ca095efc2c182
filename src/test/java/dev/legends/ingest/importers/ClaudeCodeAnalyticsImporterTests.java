package dev.legends.ingest.importers;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.legends.ingest.ActivitySignal;
import dev.legends.usage.UsageIdentity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ClaudeCodeAnalyticsImporterTests {

	private final ClaudeCodeAnalyticsImporter importer = new ClaudeCodeAnalyticsImporter();

	@Test
	void parseWhenModelBreakdownsSumsTokensAndCentsAsDollars() {
		Imported imported = this.importer.parse(Totals.resource("claude-code-analytics.json"), ImportOptions.none());
		// input 100000+50000+8000+20000; output 35000+20000+3000+7000;
		// cache read 10000+5000+120000+400000; creation 5000+2000+9000+30000;
		// cost (1025+210+133.5+412) cents
		assertThat(Totals.of(imported.usage()))
			.isEqualTo(new Totals(178000, 65000, 535000, 46000, 0, 0, new BigDecimal("17.805")));
		assertThat(imported.usage().get(0).user()).isEqualTo(UsageIdentity.email("ada@example.com"));
		assertThat(imported.usage().get(2).user()).isEqualTo(UsageIdentity.apiKeyName("ci-review-bot"));
	}

	@Test
	void parseWhenCoreMetricsKeepsThemAsActivitySignals() {
		Imported imported = this.importer.parse(Totals.resource("claude-code-analytics.json"), ImportOptions.none());
		assertThat(imported.activity()).containsExactly(
				new ActivitySignal(UsageIdentity.email("ada@example.com"), LocalDate.parse("2026-11-23"), 5, 1543, 892,
						12, 2),
				new ActivitySignal(UsageIdentity.apiKeyName("ci-review-bot"), LocalDate.parse("2026-11-23"), 30, 210,
						40, 0, 0),
				new ActivitySignal(UsageIdentity.email("ada@example.com"), LocalDate.parse("2026-11-24"), 2, 300, 120,
						3, 1));
	}

	@Test
	void parseWhenActorHasNoIdentityNamesField() {
		String page = """
				{"data":[{"date":"2026-11-23","actor":{"type":"user_actor"},"core_metrics":{},"model_breakdown":[]}]}
				""";
		assertThatExceptionOfType(ImportException.class)
			.isThrownBy(() -> this.importer.parse(Totals.text(page), ImportOptions.none()))
			.satisfies((ex) -> {
				assertThat(ex.getField()).isEqualTo("data[0].actor.email_address");
				assertThat(ex.getIndex()).isZero();
			});
	}

}
