package dev.legends.ingest.importers;

import java.math.BigDecimal;
import java.util.List;

import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CsvUsageImporterTests {

	private final CsvUsageImporter importer = new CsvUsageImporter();

	private static final String HEADER = String.join(",", CsvUsageImporter.COLUMNS) + "\n";

	@Test
	void parseWhenDocumentedColumnsReadsEveryTokenClass() {
		List<UsageInput> usage = this.importer.parse(Totals.resource("usage.csv"), ImportOptions.none()).usage();
		// input 1200+5000+300; output 800+1500+100; cache read 50000+0+7000;
		// creation 0+2000+400; reasoning 50; requests 3+12+40; cost 0.42+0.05
		assertThat(Totals.of(usage)).isEqualTo(new Totals(6500, 2400, 57000, 2400, 50, 55, new BigDecimal("0.47")));
		assertThat(usage).extracting(UsageInput::user)
			.containsExactly(UsageIdentity.email("ada@example.com"), UsageIdentity.slackId("U0GRACE"),
					UsageIdentity.apiKeyName("ci-bot"));
		assertThat(usage).extracting(UsageInput::source).containsExactly("claude-code", "cursor", "csv");
		assertThat(usage.get(0).id()).isEqualTo("nightly-0001");
		assertThat(usage.get(1).id()).startsWith("csv:");
	}

	@Test
	void parseWhenTwoUserColumnsSetNamesLine() {
		String csv = HEADER + "a,ada@example.com,,,s,m,2026-11-23T09:00:00Z,2026-11-23T10:00:00Z,1,1,0,0,0,1,\n"
				+ "b,ada@example.com,U1,,s,m,2026-11-23T09:00:00Z,2026-11-23T10:00:00Z,1,1,0,0,0,1,\n";
		assertThatExceptionOfType(ImportException.class)
			.isThrownBy(() -> this.importer.parse(Totals.text(csv), ImportOptions.none()))
			.satisfies((ex) -> {
				assertThat(ex.getLine()).isEqualTo(3);
				assertThat(ex.getIndex()).isEqualTo(1);
				assertThat(ex.getField()).isEqualTo("user_email");
			});
	}

	@Test
	void parseWhenEndBeforeStartNamesEnd() {
		String csv = HEADER + "a,ada@example.com,,,s,m,2026-11-23T10:00:00Z,2026-11-23T09:00:00Z,1,1,0,0,0,1,\n";
		assertThatExceptionOfType(ImportException.class)
			.isThrownBy(() -> this.importer.parse(Totals.text(csv), ImportOptions.none()))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("end"));
	}

	@Test
	void parseWhenUnknownColumnNamesIt() {
		String csv = "id,user_email,tokens\n1,a@b.c,5\n";
		assertThatExceptionOfType(ImportException.class)
			.isThrownBy(() -> this.importer.parse(Totals.text(csv), ImportOptions.none()))
			.satisfies((ex) -> {
				assertThat(ex.getField()).isEqualTo("tokens");
				assertThat(ex.getLine()).isEqualTo(1);
			});
	}

}
