package dev.legends.ingest.importers;

import java.math.BigDecimal;
import java.util.List;

import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CcusageDailyImporterTests {

	private final CcusageDailyImporter importer = new CcusageDailyImporter();

	private final ImportOptions ada = new ImportOptions(UsageIdentity.email("ada@example.com"));

	@Test
	void parseWhenBreakdownsPresentCountsEachTokenOnce() {
		List<UsageInput> usage = this.importer.parse(Totals.resource("ccusage-daily.json"), this.ada).usage();
		// day 1 from its breakdowns (sonnet + haiku, the empty <synthetic> skipped), day
		// 2
		// from its totals: equal to the file's own "totals"
		assertThat(Totals.of(usage)).isEqualTo(new Totals(2750, 57300, 8400000, 632000, 0, 0, new BigDecimal("7.26")));
		assertThat(usage).extracting(UsageInput::model)
			.containsExactly("claude-sonnet-4-5-20250929", "claude-haiku-4-5-20251001", "claude-sonnet-4-5-20250929");
		assertThat(usage).allMatch((record) -> record.user().equals(UsageIdentity.email("ada@example.com")));
	}

	@Test
	void parseWhenOtherPersonGivesOtherIds() {
		List<UsageInput> ada = this.importer.parse(Totals.resource("ccusage-daily.json"), this.ada).usage();
		List<UsageInput> grace = this.importer
			.parse(Totals.resource("ccusage-daily.json"), new ImportOptions(UsageIdentity.slackId("U0GRACE")))
			.usage();
		assertThat(ada).extracting(UsageInput::id)
			.doesNotContainAnyElementsOf(grace.stream().map(UsageInput::id).toList());
	}

	@Test
	void parseWhenNoUserNamesUser() {
		assertThatExceptionOfType(ImportException.class)
			.isThrownBy(() -> this.importer.parse(Totals.resource("ccusage-daily.json"), ImportOptions.none()))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("user"));
	}

	@Test
	void parseWhenTokensNotNumbersNamesDayAndField() {
		String file = """
				{"daily":[{"date":"2026-11-23","inputTokens":1,"outputTokens":2},
				{"date":"2026-11-24","inputTokens":"lots","outputTokens":2}]}
				""";
		assertThatExceptionOfType(ImportException.class)
			.isThrownBy(() -> this.importer.parse(Totals.text(file), this.ada))
			.satisfies((ex) -> {
				assertThat(ex.getIndex()).isEqualTo(1);
				assertThat(ex.getField()).isEqualTo("daily[1].inputTokens");
			});
	}

}
