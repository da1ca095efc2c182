package dev.legends.ingest.importers;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;

/**
 * LiteLLM proxy spend logs ({@code GET /spend/logs}, or the same rows exported as CSV):
 * one row per request with {@code request_id} (the dedupe id), {@code spend} (USD),
 * {@code prompt_tokens}, {@code completion_tokens}, {@code startTime}, {@code endTime},
 * {@code model}, {@code user}, {@code team_id}, {@code api_key} and {@code metadata}.
 * JSON or CSV is told apart by the content. LiteLLM's {@code prompt_tokens} include
 * cached input, so cache reads and writes found in the metadata are subtracted.
 */
final class LiteLlmSpendImporter implements UsageImporter {

	static final String FORMAT = "litellm-spend";

	@Override
	public String format() {
		return FORMAT;
	}

	@Override
	public Imported parse(InputStream in, ImportOptions options) {
		BufferedInputStream buffered = new BufferedInputStream(in);
		return looksLikeJson(buffered) ? parseJson(buffered) : parseCsv(buffered);
	}

	private static boolean looksLikeJson(BufferedInputStream in) {
		try {
			in.mark(4096);
			int c;
			do {
				c = in.read();
			}
			while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF);
			in.reset();
			return c == '[' || c == '{';
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Imported parseJson(InputStream in) {
		JsonRow root = JsonRow.read(in);
		List<JsonRow> rows = root.isArray() ? root.elements() : root.array("data", true);
		List<UsageInput> usage = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			JsonRow row = rows.get(i).asRecord(i);
			usage.add(record(new Fields(row::text, row::count, row::decimal, row::instant, row::fail, metadata(row))));
		}
		return Imported.of(usage);
	}

	private static Imported parseCsv(InputStream in) {
		List<UsageInput> usage = new ArrayList<>();
		for (CsvRows.Row row : CsvRows.read(CsvRows.utf8(in), null)) {
			usage.add(record(new Fields(row::text, row::count, row::decimal, row::instant, row::fail, metadata(row))));
		}
		return Imported.of(usage);
	}

	private static JsonRow metadata(JsonRow row) {
		JsonRow metadata = row.child("metadata");
		if (metadata.isObject()) {
			return metadata;
		}
		return parseMetadata(metadata.node().isString() ? row.text("metadata") : null,
				(message) -> row.fail("metadata", message));
	}

	private static JsonRow metadata(CsvRows.Row row) {
		return parseMetadata(row.text("metadata"), (message) -> row.fail("metadata", message));
	}

	private static JsonRow parseMetadata(String text, java.util.function.Function<String, ImportException> failure) {
		if (text == null || text.equals("{}")) {
			return null;
		}
		try {
			JsonRow metadata = JsonRow.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
			return metadata.isObject() ? metadata : null;
		}
		catch (ImportException ex) {
			throw failure.apply("must be a JSON object: " + ex.getMessage());
		}
	}

	private static UsageInput record(Fields row) {
		String requestId = row.text.apply("request_id");
		if (requestId == null) {
			throw row.fail.apply("request_id", "is required");
		}
		Instant start = row.instant.apply("startTime");
		Instant end = (row.text.apply("endTime") != null) ? row.instant.apply("endTime") : start;
		if (end.isBefore(start)) {
			throw row.fail.apply("endTime", "is before startTime");
		}
		long prompt = row.count.apply("prompt_tokens");
		long cacheRead = cacheTokens(row, "cache_read_input_tokens");
		long cacheCreation = cacheTokens(row, "cache_creation_input_tokens");
		long uncached = prompt - cacheRead - cacheCreation;
		if (uncached < 0) {
			uncached = Math.max(0, prompt - cacheRead);
		}
		return new UsageInput(FORMAT + ":" + requestId, identity(row), "litellm", row.text.apply("model"), start, end,
				uncached, row.count.apply("completion_tokens"), cacheRead, cacheCreation, reasoningTokens(row), 1,
				row.decimal.apply("spend"));
	}

	private static long cacheTokens(Fields row, String name) {
		long direct = row.count.apply(name);
		if (direct > 0 || row.metadata == null) {
			return direct;
		}
		for (String holder : List.of("usage_object", "additional_usage_values")) {
			JsonRow nested = row.metadata.child(holder);
			if (nested.isObject() && nested.has(name)) {
				return nested.count(name);
			}
		}
		if (row.metadata.has(name)) {
			return row.metadata.count(name);
		}
		if (name.startsWith("cache_read")) {
			JsonRow details = row.metadata.child("usage_object").child("prompt_tokens_details");
			return details.isObject() ? details.count("cached_tokens") : 0;
		}
		return 0;
	}

	private static long reasoningTokens(Fields row) {
		if (row.metadata == null) {
			return 0;
		}
		JsonRow details = row.metadata.child("usage_object").child("completion_tokens_details");
		return details.isObject() ? details.count("reasoning_tokens") : 0;
	}

	private static UsageIdentity identity(Fields row) {
		String user = row.text.apply("user");
		if (user != null && user.contains("@")) {
			return UsageIdentity.email(user);
		}
		String keyEmail = (row.metadata != null) ? row.metadata.text("user_api_key_user_email") : null;
		if (keyEmail != null) {
			return UsageIdentity.email(keyEmail);
		}
		if (user != null) {
			return new UsageIdentity(UsageIdentity.Kind.ACCOUNT_ID, user);
		}
		String keyAlias = (row.metadata != null) ? row.metadata.text("user_api_key_alias") : null;
		if (keyAlias != null) {
			return UsageIdentity.apiKeyName(keyAlias);
		}
		String apiKey = row.text.apply("api_key");
		if (apiKey != null) {
			return new UsageIdentity(UsageIdentity.Kind.API_KEY_ID, apiKey);
		}
		throw row.fail.apply("user", "is missing, and so are metadata.user_api_key_alias and api_key");
	}

	/**
	 * The fields of one spend log row, read the same way from JSON and CSV.
	 */
	private record Fields(java.util.function.Function<String, String> text,
			java.util.function.Function<String, Long> count, java.util.function.Function<String, BigDecimal> decimal,
			java.util.function.Function<String, Instant> instant,
			java.util.function.BiFunction<String, String, ImportException> fail, JsonRow metadata) {

	}

}
