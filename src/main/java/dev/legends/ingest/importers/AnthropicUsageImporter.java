package dev.legends.ingest.importers;

import java.io.InputStream;
import java.time.Instant;

import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;

/**
 * Anthropic's Admin API messages usage report ({@code GET
 * /v1/organizations/usage_report/messages}): one page or an array of pages, each with
 * {@code data[]} buckets ({@code starting_at}, {@code ending_at}, {@code results[]}).
 * Cache creation comes nested ({@code cache_creation.ephemeral_5m_input_tokens} and
 * {@code ephemeral_1h_input_tokens}) or flat; usage is attributed to {@code account_id},
 * else {@code api_key_id}, else {@code service_account_id}.
 */
final class AnthropicUsageImporter implements UsageImporter {

	static final String FORMAT = "anthropic-usage";

	@Override
	public String format() {
		return FORMAT;
	}

	private static final TimeBuckets BUCKETS = new TimeBuckets("starting_at", "ending_at", JsonRow::instant);

	@Override
	public Imported parse(InputStream in, ImportOptions options) {
		return BUCKETS.read(in, AnthropicUsageImporter::record);
	}

	private static UsageInput record(JsonRow result, Instant start, Instant end) {
		String model = result.text("model");
		String id = SourceIds.of(FORMAT, start, end, result.text("account_id"), result.text("api_key_id"),
				result.text("service_account_id"), result.text("workspace_id"), model, result.text("service_tier"),
				result.text("context_window"), result.text("inference_geo"), result.text("speed"));
		return new UsageInput(id, identity(result), "anthropic", model, start, end,
				result.requiredCount("uncached_input_tokens"), result.requiredCount("output_tokens"),
				result.count("cache_read_input_tokens"), cacheCreation(result), 0, 0, null);
	}

	private static long cacheCreation(JsonRow result) {
		JsonRow nested = result.child("cache_creation");
		if (nested.isObject()) {
			return nested.count("ephemeral_5m_input_tokens") + nested.count("ephemeral_1h_input_tokens");
		}
		if (result.has("cache_creation") && !nested.isObject()) {
			return result.requiredCount("cache_creation");
		}
		return result.count("cache_creation_input_tokens") + result.count("cache_creation_5m_input_tokens")
				+ result.count("cache_creation_1h_input_tokens");
	}

	private static UsageIdentity identity(JsonRow result) {
		String accountId = result.text("account_id");
		if (accountId != null) {
			return new UsageIdentity(UsageIdentity.Kind.ACCOUNT_ID, accountId);
		}
		String apiKeyId = result.text("api_key_id");
		if (apiKeyId != null) {
			return new UsageIdentity(UsageIdentity.Kind.API_KEY_ID, apiKeyId);
		}
		String serviceAccountId = result.text("service_account_id");
		if (serviceAccountId != null) {
			return new UsageIdentity(UsageIdentity.Kind.ACCOUNT_ID, serviceAccountId);
		}
		throw result.fail("api_key_id", "is missing, and so is account_id: export with group_by[]=api_key_id "
				+ "(or account_id) so usage has an owner");
	}

}
