package dev.legends.ingest.importers;

import java.io.InputStream;
import java.time.Instant;

import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;

/**
 * OpenAI's organization usage API for completions ({@code GET
 * /v1/organization/usage/completions}): one page object or an array of pages, each with
 * {@code data[]} time buckets holding {@code results[]}. OpenAI's {@code input_tokens}
 * include cached input, so the cached tokens are subtracted; usage is attributed to
 * {@code user_id}, else to {@code api_key_id}.
 */
final class OpenAiUsageImporter implements UsageImporter {

	static final String FORMAT = "openai-usage";

	@Override
	public String format() {
		return FORMAT;
	}

	private static final TimeBuckets BUCKETS = new TimeBuckets("start_time", "end_time", JsonRow::epochSeconds);

	@Override
	public Imported parse(InputStream in, ImportOptions options) {
		return BUCKETS.read(in, OpenAiUsageImporter::record);
	}

	private static UsageInput record(JsonRow result, Instant start, Instant end) {
		boolean perModality = result.has("input_text_tokens") || result.has("input_uncached_tokens");
		long input = result.requiredCount("input_tokens") + (perModality ? 0 : result.count("input_audio_tokens"));
		long output = result.requiredCount("output_tokens") + (perModality ? 0 : result.count("output_audio_tokens"));
		long cached = result.count("input_cached_tokens");
		if (cached > input) {
			throw result.fail("input_cached_tokens", "is larger than input_tokens (" + cached + " > " + input + ")");
		}
		long uncached = result.has("input_uncached_tokens") ? result.requiredCount("input_uncached_tokens")
				: input - cached;
		String model = result.text("model");
		UsageIdentity user = identity(result);
		String id = SourceIds.of(FORMAT, start, end, result.text("user_id"), result.text("api_key_id"),
				result.text("project_id"), model, result.text("batch"), result.text("service_tier"));
		return new UsageInput(id, user, "openai", model, start, end, uncached, output, cached, 0, 0,
				result.count("num_model_requests"), null);
	}

	private static UsageIdentity identity(JsonRow result) {
		String userId = result.text("user_id");
		if (userId != null) {
			return new UsageIdentity(UsageIdentity.Kind.ACCOUNT_ID, userId);
		}
		String apiKeyId = result.text("api_key_id");
		if (apiKeyId != null) {
			return new UsageIdentity(UsageIdentity.Kind.API_KEY_ID, apiKeyId);
		}
		throw result.fail("user_id",
				"is missing, and so is api_key_id: export with group_by=user_id (or api_key_id) so usage has an owner");
	}

}
