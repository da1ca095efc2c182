package dev.legends.ingest.importers;

import java.math.BigDecimal;
import java.util.List;

import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LiteLlmSpendImporterTests {

	private final LiteLlmSpendImporter importer = new LiteLlmSpendImporter();

	@Test
	void parseWhenJsonSubtractsCacheFromPromptTokens() {
		List<UsageInput> usage = this.importer.parse(Totals.resource("litellm-spend.json"), ImportOptions.none())
			.usage();
		// uncached: (3000-2048) + (24000-20000-3000) + 1200; output 300+1400+500;
		// cache read 2048+20000; creation 3000; reasoning 320; spend 0.0123+0.0456+0.0031
		assertThat(Totals.of(usage)).isEqualTo(new Totals(3152, 2200, 22048, 3000, 320, 3, new BigDecimal("0.061")));
		assertThat(usage).extracting(UsageInput::id)
			.containsExactly("litellm-spend:chatcmpl-9a1b2c3d-0001", "litellm-spend:msg_01XyZ-0002",
					"litellm-spend:chatcmpl-9a1b2c3d-0003");
		assertThat(usage.get(0).user()).isEqualTo(UsageIdentity.email("ada@example.com"));
		assertThat(usage.get(1).user()).isEqualTo(UsageIdentity.apiKeyName("grace-cli"));
	}

	@Test
	void parseWhenCsvReadsTheSameFields() {
		List<UsageInput> usage = this.importer.parse(Totals.resource("litellm-spend.csv"), ImportOptions.none())
			.usage();
		// uncached (3000-2048) + (24000-20000-3000); output 300+1400
		assertThat(Totals.of(usage)).isEqualTo(new Totals(1952, 1700, 22048, 3000, 0, 2, new BigDecimal("0.0579")));
		assertThat(usage.get(1).user()).isEqualTo(UsageIdentity.apiKeyName("grace-cli"));
	}

	@Test
	void parseWhenCsvRowInvalidNamesLineAndColumn() {
		String csv = """
				request_id,spend,prompt_tokens,completion_tokens,startTime,user
				r1,0.1,10,5,2026-11-23T09:00:00Z,ada@example.com
				r2,0.1,ten,5,2026-11-23T09:00:00Z,ada@example.com
				""";
		assertThatExceptionOfType(ImportException.class)
			.isThrownBy(() -> this.importer.parse(Totals.text(csv), ImportOptions.none()))
			.satisfies((ex) -> {
				assertThat(ex.getLine()).isEqualTo(3);
				assertThat(ex.getIndex()).isEqualTo(1);
				assertThat(ex.getField()).isEqualTo("prompt_tokens");
			});
	}

	@Test
	void parseWhenRequestIdMissingNamesIt() {
		String json = """
				[{"spend":0.1,"prompt_tokens":1,"completion_tokens":1,"startTime":"2026-11-23T09:00:00Z","user":"a@b.c"}]
				""";
		assertThatExceptionOfType(ImportException.class)
			.isThrownBy(() -> this.importer.parse(Totals.text(json), ImportOptions.none()))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("[0].request_id"));
	}

}
