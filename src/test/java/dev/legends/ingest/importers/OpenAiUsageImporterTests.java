package dev.legends.ingest.importers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OpenAiUsageImporterTests {

	private final OpenAiUsageImporter importer = new OpenAiUsageImporter();

	@Test
	void parseWhenPagesOfBucketsSubtractsCachedInputOnce() {
		List<UsageInput> usage = this.importer.parse(Totals.resource("openai-usage.json"), ImportOptions.none())
			.usage();
		// uncached: (120000-80000) + 50000 + (3000+2000 audio - 1000) + (64000-32000)
		// output: 15000 + 9000 + (700+500 audio) + 8000; requests: 42+100+6+20
		assertThat(Totals.of(usage)).isEqualTo(new Totals(126000, 33200, 113000, 0, 0, 168, BigDecimal.ZERO));
		assertThat(usage).hasSize(4);
	}

	@Test
	void parseWhenUserIdMissingAttributesToApiKey() {
		List<UsageInput> usage = this.importer.parse(Totals.resource("openai-usage.json"), ImportOptions.none())
			.usage();
		assertThat(usage.get(0).user()).isEqualTo(new UsageIdentity(UsageIdentity.Kind.ACCOUNT_ID, "user-ada"));
		assertThat(usage.get(1).user()).isEqualTo(new UsageIdentity(UsageIdentity.Kind.API_KEY_ID, "key_ci_bot"));
		assertThat(usage.get(0).start()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
		assertThat(usage.get(0).end()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
		assertThat(usage.get(0).model()).isEqualTo("gpt-4o-2024-08-06");
		assertThat(usage.get(0).source()).isEqualTo("openai");
	}

	@Test
	void parseWhenSameFileTwiceGivesSameDistinctIds() {
		List<String> first = ids(this.importer.parse(Totals.resource("openai-usage.json"), ImportOptions.none()));
		List<String> second = ids(this.importer.parse(Totals.resource("openai-usage.json"), ImportOptions.none()));
		assertThat(first).isEqualTo(second).doesNotHaveDuplicates().allMatch((id) -> id.startsWith("openai-usage:"));
	}

	@Test
	void parseWhenNewSchemaDoesNotAddAudioTwice() {
		String page = """
				{"object":"page","data":[{"start_time":1795392000,"end_time":1795478400,"results":[
				{"input_tokens":5000,"input_text_tokens":3000,"input_audio_tokens":2000,"input_cached_tokens":1000,
				 "output_tokens":900,"output_audio_tokens":400,"num_model_requests":2,"user_id":"user-x","model":"gpt-4o"}]}]}
				""";
		UsageInput record = this.importer.parse(Totals.text(page), ImportOptions.none()).usage().get(0);
		assertThat(record.inputTokens()).isEqualTo(4000);
		assertThat(record.outputTokens()).isEqualTo(900);
	}

	@Test
	void parseWhenTokenCountNegativeNamesIndexAndField() {
		String page = """
				{"data":[{"start_time":1795392000,"end_time":1795478400,"results":[
				{"input_tokens":10,"output_tokens":1,"user_id":"u1"},
				{"input_tokens":10,"output_tokens":-5,"user_id":"u2"}]}]}
				""";
		assertThatExceptionOfType(ImportException.class)
			.isThrownBy(() -> this.importer.parse(Totals.text(page), ImportOptions.none()))
			.satisfies((ex) -> {
				assertThat(ex.getIndex()).isEqualTo(1);
				assertThat(ex.getField()).isEqualTo("data[0].results[1].output_tokens");
			});
	}

	@Test
	void parseWhenNoOwnerNamesUserId() {
		String page = """
				{"data":[{"start_time":1795392000,"end_time":1795478400,"results":[
				{"input_tokens":10,"output_tokens":1,"model":"gpt-4o"}]}]}
				""";
		assertThatExceptionOfType(ImportException.class)
			.isThrownBy(() -> this.importer.parse(Totals.text(page), ImportOptions.none()))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("data[0].results[0].user_id"));
	}

	@Test
	void parseWhenNotJsonNamesLine() {
		assertThatExceptionOfType(ImportException.class)
			.isThrownBy(() -> this.importer.parse(Totals.text("{\n\"data\": [\n}"), ImportOptions.none()))
			.satisfies((ex) -> {
				assertThat(ex.getField()).isEqualTo("body");
				assertThat(ex.getLine()).isEqualTo(3);
			});
	}

	private static List<String> ids(Imported imported) {
		return imported.usage().stream().map(UsageInput::id).toList();
	}

}
