package dev.legends.ingest.importers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

import dev.legends.testkit.IngestClient;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/usage/import} as someone uploading an export file would use it:
 * totals in {@code /api/v1/usage/summary} match the file's own arithmetic.
 */
@LegendsAppTest
class UsageImportApiTests {

	private static final String MONTH = "/api/v1/usage/summary?start=2026-11-01T00:00:00Z&end=2026-12-01T00:00:00Z";

	private static final JsonMapper JSON = new JsonMapper();

	@Test
	void importWhenOpenAiPagesTotalsMatchTheFileAndSecondImportIsAllDuplicates(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "exports");
		assertImportedTwice(api, "openai-usage", "openai-usage.json", 4);
		// uncached (120000-80000) + 50000 + (3000+2000-1000) + (64000-32000); cached
		// 80000+1000+32000
		assertTotals(api, 126000, 33200, 113000, 0);
		assertThat(totals(api).get("requests").asLong()).isEqualTo(168);
	}

	@Test
	void importWhenAnthropicReportTotalsMatchTheFile(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "exports");
		assertImportedTwice(api, "anthropic-usage", "anthropic-usage.json", 3);
		assertTotals(api, 15000 + 800 + 7000, 12000 + 3100 + 5000, 200000 + 40000 + 90000, 5000 + 2500 + 6000);
	}

	@Test
	void importWhenClaudeCodeAnalyticsTotalsMatchAndActivityIsKept(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "exports");
		HttpResponse<String> first = api.post("/api/v1/usage/import?format=claude-code-analytics", "application/json",
				resource("claude-code-analytics.json"));
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(json(first).get("accepted").asInt()).isEqualTo(4);
		assertThat(json(first).get("activity_days").asInt()).isEqualTo(3);
		assertTotals(api, 178000, 65000, 535000, 46000);
		// estimated cost in the file: (1025 + 210 + 133.5 + 412) cents
		assertThat(totals(api).get("cost_usd_reported").decimalValue()).isEqualByComparingTo("17.805");
	}

	@Test
	void importWhenCcusageWithUserCountsBreakdownsOnce(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "exports");
		HttpResponse<String> noUser = api.post("/api/v1/usage/import?format=ccusage-daily", "application/json",
				resource("ccusage-daily.json"));
		assertThat(noUser.statusCode()).isEqualTo(400);
		assertThat(json(noUser).get("details").get(0).get("field").asString()).isEqualTo("user");
		assertImportedTwice(api, "ccusage-daily&user=ada@example.com", "ccusage-daily.json", 3);
		// the file's own "totals"
		assertTotals(api, 2750, 57300, 8400000, 632000);
		assertThat(totals(api).get("cost_usd_reported").decimalValue()).isEqualByComparingTo("7.26");
	}

	@Test
	void importWhenLiteLlmJsonAndCsvTotalsMatchTheFiles(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "exports");
		assertImportedTwice(api, "litellm-spend", "litellm-spend.json", 3);
		assertTotals(api, 952 + 1000 + 1200, 300 + 1400 + 500, 2048 + 20000, 3000);
		IngestClient other = IngestClient.withNewKey(slack.inNewTeam(), "exports");
		assertImportedTwice(other, "litellm-spend", "litellm-spend.csv", 2);
		assertTotals(other, 952 + 1000, 300 + 1400, 2048 + 20000, 3000);
	}

	@Test
	void importWhenCsvUploadedAsMultipartTotalsMatchTheFile(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "exports");
		String boundary = "legends-boundary-7f3a";
		byte[] file = resource("usage.csv");
		byte[] body = concat(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
						+ "filename=\"usage.csv\"\r\nContent-Type: text/csv\r\n\r\n")
					.getBytes(),
				file, ("\r\n--" + boundary + "--\r\n").getBytes());
		HttpResponse<String> response = api.post("/api/v1/usage/import?format=csv",
				"multipart/form-data; boundary=" + boundary, body);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("accepted").asInt()).isEqualTo(3);
		assertTotals(api, 6500, 2400, 57000, 2400);
	}

	@Test
	void importWhenOneLineMalformedStoresNothingAndNamesLineAndField(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "exports");
		String csv = new String(resource("usage.csv")) + ",ada@example.com,,,s,m,2026-11-25T09:00:00Z,"
				+ "2026-11-25T10:00:00Z,12,-3,0,0,0,1,\n";
		HttpResponse<String> response = api.post("/api/v1/usage/import?format=csv", "text/csv", csv.getBytes());
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode detail = json(response).get("details").get(0);
		assertThat(json(response).get("error").asString()).isEqualTo("invalid_records");
		assertThat(detail.get("line").asInt()).isEqualTo(5);
		assertThat(detail.get("index").asInt()).isEqualTo(3);
		assertThat(detail.get("field").asString()).isEqualTo("output_tokens");
		assertThat(totals(api).get("input_tokens").asLong()).isZero();
	}

	@Test
	void importWhenFormatUnknownOrMissingListsTheFormats(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "exports");
		for (String query : new String[] { "?format=excel", "" }) {
			HttpResponse<String> response = api.post("/api/v1/usage/import" + query, "application/json",
					"{}".getBytes());
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(json(response).get("details").get(0).get("field").asString()).isEqualTo("format");
			assertThat(response.body()).contains("openai-usage", "anthropic-usage", "claude-code-analytics",
					"ccusage-daily", "litellm-spend", "csv");
		}
	}

	@Test
	void importWhenKeyMissingOrUnknownAnswers401(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "exports");
		assertThat(api.withKey(null)
			.post("/api/v1/usage/import?format=csv", "text/csv", resource("usage.csv"))
			.statusCode()).isEqualTo(401);
		assertThat(api.withKey("lgk_not-a-key")
			.post("/api/v1/usage/import?format=csv", "text/csv", resource("usage.csv"))
			.statusCode()).isEqualTo(401);
	}

	private static void assertImportedTwice(IngestClient api, String format, String file, int records) {
		HttpResponse<String> first = api.post("/api/v1/usage/import?format=" + format, "application/octet-stream",
				resource(file));
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat(json(first).get("format").asString()).isEqualTo(format.replaceAll("&.*", ""));
		assertThat(json(first).get("accepted").asInt()).isEqualTo(records);
		HttpResponse<String> again = api.post("/api/v1/usage/import?format=" + format, "application/octet-stream",
				resource(file));
		assertThat(json(again).get("accepted").asInt()).isZero();
		assertThat(json(again).get("duplicates").asInt()).isEqualTo(records);
	}

	private static void assertTotals(IngestClient api, long input, long output, long cacheRead, long cacheCreation) {
		JsonNode totals = totals(api);
		assertThat(totals.get("input_tokens").asLong()).isEqualTo(input);
		assertThat(totals.get("output_tokens").asLong()).isEqualTo(output);
		assertThat(totals.get("cache_read_input_tokens").asLong()).isEqualTo(cacheRead);
		assertThat(totals.get("cache_creation_input_tokens").asLong()).isEqualTo(cacheCreation);
	}

	private static JsonNode totals(IngestClient api) {
		HttpResponse<String> summary = api.get(MONTH);
		assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
		return json(summary).get("totals");
	}

	static byte[] resource(String name) {
		try (InputStream in = UsageImportApiTests.class.getResourceAsStream("/importers/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] concat(byte[]... parts) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
