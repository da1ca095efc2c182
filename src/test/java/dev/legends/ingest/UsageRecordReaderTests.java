package dev.legends.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Validation of the batch format: every problem named by index and field, nothing
 * half-read.
 */
class UsageRecordReaderTests {

	private final UsageRecordReader reader = new UsageRecordReader();

	@Test
	void readBatchWhenValidReadsEveryField() {
		List<UsageInput> inputs = read("{\"records\":["
				+ UsageBatchApiTests.record("r-1", "{\"email\":\"Ada@Example.com\"}", 1200, 800) + "]}");
		assertThat(inputs).containsExactly(new UsageInput("r-1", UsageIdentity.email("ada@example.com"), "claude-code",
				"claude-sonnet-4-5", Instant.parse("2026-11-26T09:00:00Z"), Instant.parse("2026-11-26T09:59:59Z"), 1200,
				800, 50000, 0, 0, 3, new java.math.BigDecimal("0.420000")));
	}

	@Test
	void readBatchWhenTokenCountsMissingTakesZeroAndAcceptsOffsets() {
		UsageInput input = read("{\"records\":[{\"user\":{\"slack_id\":\"u123abc\"},\"source\":\"s\",\"model\":\"m\","
				+ "\"start\":\"2026-11-26T10:00:00+01:00\",\"end\":\"2026-11-26T09:30:00Z\"}]}")
			.get(0);
		assertThat(input.user()).isEqualTo(UsageIdentity.slackId("U123ABC"));
		assertThat(input.start()).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
		assertThat(input.inputTokens()).isZero();
		assertThat(input.costUsd()).isNull();
	}

	@Test
	void readBatchWhenValuesWrongNamesEachField() {
		String record = "{\"user\":{\"email\":\"a@b.c\",\"slack_id\":\"U1\"},\"source\":\"\",\"model\":\"m\","
				+ "\"start\":\"2026-11-26T10:00:00Z\",\"end\":\"2026-11-26T09:00:00Z\",\"input_tokens\":\"12\","
				+ "\"output_tokens\":1.5,\"requests\":-1,\"cost_usd\":-0.1}";
		assertThat(errors("{\"records\":[" + record + "]}")).extracting(RecordError::field)
			.containsExactlyInAnyOrder("user", "source", "end", "input_tokens", "output_tokens", "requests",
					"cost_usd");
	}

	@Test
	void readBatchWhenStartNotIsoSaysWhatIsExpected() {
		String record = "{\"user\":{\"api_key_name\":\"k\"},\"source\":\"s\",\"model\":\"m\","
				+ "\"start\":\"26/11/2026\",\"end\":\"2026-11-26T09:00:00Z\"}";
		RecordError error = errors("{\"records\":[{},\n" + record + "]}").get(5);
		assertThat(error).isEqualTo(
				RecordError.at(1, "start", "must be an ISO-8601 date-time with offset, e.g. 2026-11-26T09:00:00Z"));
	}

	@Test
	void readBatchWhenUserFormUnknownNamesIt() {
		String record = "{\"user\":{\"github\":\"ada\"},\"source\":\"s\",\"model\":\"m\","
				+ "\"start\":\"2026-11-26T09:00:00Z\",\"end\":\"2026-11-26T09:00:00Z\"}";
		assertThat(errors("{\"records\":[" + record + "]}")).extracting(RecordError::field)
			.containsExactly("user.github");
	}

	@Test
	void readBatchWhenEnvelopeWrongNamesRecords() {
		assertThat(errors("{\"rows\":[]}")).extracting(RecordError::field).containsExactly("rows", "records");
		assertThat(errors("[]")).extracting(RecordError::field).containsExactly("records");
	}

	@Test
	void readBatchWhenNotJsonOrDuplicateKeysIsMalformed() {
		assertThatExceptionOfType(MalformedInputException.class).isThrownBy(() -> read("{\"records\": ["))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo("malformed_json"));
		assertThatExceptionOfType(MalformedInputException.class)
			.isThrownBy(() -> read("{\"records\": [], \"records\": []}"));
		assertThatExceptionOfType(MalformedInputException.class)
			.isThrownBy(() -> read("{\"records\": [{\"model\": \"a\", \"model\": \"b\"}]}"))
			.withMessageContaining("line 1")
			.withMessageContaining("duplicate field \"model\"");
		assertThatExceptionOfType(MalformedInputException.class)
			.isThrownBy(() -> read("{\"records\": [{\"user\": {\"email\": \"a@x.io\", \"email\": \"b@x.io\"}}]}"))
			.withMessageContaining("duplicate field \"user.email\"");
		assertThatExceptionOfType(MalformedInputException.class)
			.isThrownBy(() -> read("{\"records\": [{\"user\": {\"email\": \"a@x.io\"}, \"user\": null}]}"))
			.withMessageContaining("duplicate field \"user\"");
		assertThatExceptionOfType(MalformedInputException.class)
			.isThrownBy(() -> read("{\"records\": [{\"colour\": 1, \"colour\": 2}]}"))
			.withMessageContaining("duplicate field \"colour\"");
		assertThatExceptionOfType(MalformedInputException.class).isThrownBy(() -> read(""));
	}

	@Test
	void readBatchWhenRecordsFollowEachOtherKeepsEachRecordsOwnValues() {
		List<UsageInput> inputs = read("{\"records\":["
				+ record("{\"email\":\"ada@example.com\"}", "claude-code", "claude-sonnet-4-5", "2026-11-26T09:00:00Z")
				+ ","
				+ record("{\"email\":\"ada@example.com\"}", "claude-code", "claude-sonnet-4-5", "2026-11-26T10:00:00Z")
				+ ","
				+ record("{\"email\":\"ada@example.co\"}", "claude-cod", "claude-sonnet-4-6",
						"2026-11-26T11:00:00+01:00")
				+ "," + record("{\"api_key_name\":\"ada@example.co\"}", "openai", "gpt-4.1", "2026-11-26T12:00:00Z")
				+ "]}");
		assertThat(inputs).extracting(UsageInput::user)
			.containsExactly(UsageIdentity.email("ada@example.com"), UsageIdentity.email("ada@example.com"),
					UsageIdentity.email("ada@example.co"), UsageIdentity.apiKeyName("ada@example.co"));
		assertThat(inputs).extracting(UsageInput::source)
			.containsExactly("claude-code", "claude-code", "claude-cod", "openai");
		assertThat(inputs).extracting(UsageInput::model)
			.containsExactly("claude-sonnet-4-5", "claude-sonnet-4-5", "claude-sonnet-4-6", "gpt-4.1");
		assertThat(inputs).extracting(UsageInput::start)
			.containsExactly(Instant.parse("2026-11-26T09:00:00Z"), Instant.parse("2026-11-26T10:00:00Z"),
					Instant.parse("2026-11-26T10:00:00Z"), Instant.parse("2026-11-26T12:00:00Z"));
	}

	@Test
	void readBatchWhenDateDoesNotExistNamesTheField() {
		assertThat(errors(
				"{\"records\":[" + record("{\"email\":\"ada@example.com\"}", "s", "m", "2026-02-30T09:00:00Z") + "]}"))
			.containsExactly(
					RecordError.at(0, "start", "must be an ISO-8601 date-time with offset, e.g. 2026-11-26T09:00:00Z"));
	}

	private static String record(String user, String source, String model, String start) {
		return "{\"user\":" + user + ",\"source\":\"" + source + "\",\"model\":\"" + model + "\",\"start\":\"" + start
				+ "\",\"end\":\"2026-11-26T13:00:00Z\"}";
	}

	@Test
	void readBatchWhenEmptyReadsNothing() {
		assertThat(read("{\"records\":[]}")).isEmpty();
	}

	private List<UsageInput> read(String json) {
		return this.reader.readBatch(json.getBytes(StandardCharsets.UTF_8));
	}

	private List<RecordError> errors(String json) {
		try {
			read(json);
		}
		catch (InvalidRecordsException ex) {
			return ex.details();
		}
		throw new AssertionError("expected invalid records");
	}

}
