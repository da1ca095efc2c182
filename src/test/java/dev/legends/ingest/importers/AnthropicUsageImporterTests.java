package dev.legends.ingest.importers;

import java.math.BigDecimal;
import java.util.List;

import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AnthropicUsageImporterTests {

	private final AnthropicUsageImporter importer = new AnthropicUsageImporter();

	@Test
	void parseWhenNestedAndFlatCacheCreationCountsBoth() {
		List<UsageInput> usage = this.importer.parse(Totals.resource("anthropic-usage.json"), ImportOptions.none())
			.usage();
		// input 15000+800+7000; output 12000+3100+5000; cache read 200000+40000+90000;
		// cache creation (4000+1000) + 2500 + (6000+0)
		assertThat(Totals.of(usage)).isEqualTo(new Totals(22800, 20100, 330000, 13500, 0, 0, BigDecimal.ZERO));
	}

	@Test
	void parseWhenAccountIdGivenAttributesToAccount() {
		List<UsageInput> usage = this.importer.parse(Totals.resource("anthropic-usage.json"), ImportOptions.none())
			.usage();
		assertThat(usage.get(0).user())
			.isEqualTo(new UsageIdentity(UsageIdentity.Kind.API_KEY_ID, "apikey_01Rj2N8SVvo6BePZj99NhmiT"));
		assertThat(usage.get(2).user())
			.isEqualTo(new UsageIdentity(UsageIdentity.Kind.ACCOUNT_ID, "user_01AbCdEfGhIjKlMnOpQrStUv"));
		assertThat(usage.get(2).model()).isEqualTo("claude-opus-4-1-20250805");
		assertThat(usage).extracting(UsageInput::id).doesNotHaveDuplicates();
	}

	@Test
	void parseWhenTimestampInvalidNamesField() {
		String page = """
				{"data":[{"starting_at":"yesterday","ending_at":"2026-11-24T00:00:00Z","results":[]}]}
				""";
		assertThatExceptionOfType(ImportException.class)
			.isThrownBy(() -> this.importer.parse(Totals.text(page), ImportOptions.none()))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("data[0].starting_at"));
	}

	@Test
	void parseWhenRequiredCountMissingNamesField() {
		String page = """
				{"data":[{"starting_at":"2026-11-23T00:00:00Z","ending_at":"2026-11-24T00:00:00Z","results":[
				{"output_tokens":5,"api_key_id":"k"}]}]}
				""";
		assertThatExceptionOfType(ImportException.class)
			.isThrownBy(() -> this.importer.parse(Totals.text(page), ImportOptions.none()))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("data[0].results[0].uncached_input_tokens"));
	}

}
