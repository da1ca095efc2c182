package dev.legends.ingest.otlp;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import dev.legends.testkit.IngestClient;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackTestClient;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.legends.ingest.otlp.OtlpRequests.MINUTE;
import static dev.legends.ingest.otlp.OtlpRequests.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /otlp/v1/metrics} as Claude Code's OpenTelemetry exporter calls it.
 */
@LegendsAppTest
class OtlpMetricsApiTests {

	private static final String WEEK = "/api/v1/usage/summary?start=2026-11-23T00:00:00Z&end=2026-11-30T00:00:00Z";

	private static final String PATH = "/otlp/v1/metrics";

	private static final JsonMapper JSON = new JsonMapper();

	@Test
	void exportWhenProtobufDeltaStoresTokensAndCostAnsweringEmptyResponse(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "claude-code");
		ExportMetricsServiceRequest export = OtlpRequests.delta("ada@example.com")
			.tokens("input", T0, T0 + MINUTE, 1200)
			.tokens("output", T0, T0 + MINUTE, 800)
			.tokens("cacheRead", T0, T0 + MINUTE, 50000)
			.tokens("cacheCreation", T0, T0 + MINUTE, 3000)
			.cost(T0, T0 + MINUTE, 0.42)
			.build();
		HttpResponse<String> response = protobuf(api, export);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/x-protobuf"));
		assertThat(response.body()).isEmpty();
		JsonNode totals = totals(api);
		assertThat(totals.get("input_tokens").asLong()).isEqualTo(1200);
		assertThat(totals.get("output_tokens").asLong()).isEqualTo(800);
		assertThat(totals.get("cache_read_input_tokens").asLong()).isEqualTo(50000);
		assertThat(totals.get("cache_creation_input_tokens").asLong()).isEqualTo(3000);
		assertThat(totals.get("cost_usd_reported").decimalValue()).isEqualByComparingTo("0.42");
	}

	@Test
	void exportWhenDeltaCountsEveryPointAndAResentExportOnce(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "claude-code");
		ExportMetricsServiceRequest first = OtlpRequests.delta("ada@example.com")
			.tokens("input", T0, T0 + MINUTE, 100)
			.build();
		ExportMetricsServiceRequest second = OtlpRequests.delta("ada@example.com")
			.tokens("input", T0 + MINUTE, T0 + 2 * MINUTE, 250)
			.build();
		protobuf(api, first);
		protobuf(api, second);
		protobuf(api, second);
		assertThat(totals(api).get("input_tokens").asLong()).isEqualTo(350);
	}

	@Test
	void exportWhenCumulativeResentTwiceCountsOnce(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "claude-code");
		ExportMetricsServiceRequest first = OtlpRequests.cumulative("ada@example.com")
			.tokens("input", T0, T0 + MINUTE, 1000)
			.tokens("output", T0, T0 + MINUTE, 100)
			.build();
		ExportMetricsServiceRequest second = OtlpRequests.cumulative("ada@example.com")
			.tokens("input", T0, T0 + 2 * MINUTE, 1500)
			.tokens("output", T0, T0 + 2 * MINUTE, 100)
			.build();
		protobuf(api, first);
		protobuf(api, first);
		protobuf(api, second);
		protobuf(api, second);
		JsonNode totals = totals(api);
		assertThat(totals.get("input_tokens").asLong()).isEqualTo(1500);
		assertThat(totals.get("output_tokens").asLong()).isEqualTo(100);
	}

	@Test
	void exportWhenJsonStoresUsageAndAnswersJson(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "claude-code");
		String json = """
				{"resourceMetrics":[{"resource":{"attributes":[
				  {"key":"service.name","value":{"stringValue":"claude-code"}}]},
				 "scopeMetrics":[{"scope":{"name":"com.anthropic.claude_code","version":"2.0.14"},"metrics":[
				  {"name":"claude_code.token.usage","unit":"tokens","sum":{"aggregationTemporality":1,"isMonotonic":true,
				   "dataPoints":[
				    {"attributes":[{"key":"type","value":{"stringValue":"input"}},
				                   {"key":"model","value":{"stringValue":"claude-sonnet-4-5-20250929"}},
				                   {"key":"user.email","value":{"stringValue":"ada@example.com"}}],
				     "startTimeUnixNano":"1795424400000000000","timeUnixNano":"1795424460000000000","asDouble":700},
				    {"attributes":[{"key":"type","value":{"stringValue":"output"}},
				                   {"key":"model","value":{"stringValue":"claude-sonnet-4-5-20250929"}},
				                   {"key":"user.email","value":{"stringValue":"ada@example.com"}}],
				     "startTimeUnixNano":"1795424400000000000","timeUnixNano":"1795424460000000000","asDouble":90}]}},
				  {"name":"claude_code.cost.usage","unit":"USD","sum":{"aggregationTemporality":1,"isMonotonic":true,
				   "dataPoints":[
				    {"attributes":[{"key":"model","value":{"stringValue":"claude-sonnet-4-5-20250929"}},
				                   {"key":"user.email","value":{"stringValue":"ada@example.com"}}],
				     "startTimeUnixNano":"1795424400000000000","timeUnixNano":"1795424460000000000","asDouble":0.0035}]}}]}]}]}
				""";
		HttpResponse<String> response = api.postJson(PATH, json);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{}");
		JsonNode totals = totals(api);
		assertThat(totals.get("input_tokens").asLong()).isEqualTo(700);
		assertThat(totals.get("output_tokens").asLong()).isEqualTo(90);
		assertThat(totals.get("cost_usd_reported").decimalValue()).isEqualByComparingTo("0.0035");
	}

	@Test
	void exportWhenKeyMissingBodyUndecodableOrTypeWrongRefuses(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "claude-code");
		byte[] export = OtlpRequests.delta("ada@example.com").tokens("input", T0, T0 + MINUTE, 5).build().toByteArray();
		assertThat(api.withKey(null).post(PATH, "application/x-protobuf", export).statusCode()).isEqualTo(401);
		assertThat(api.post(PATH, "application/x-protobuf", new byte[] { 0x0a, 0x7f, 0x01 }).statusCode())
			.isEqualTo(400);
		HttpResponse<String> badJson = api.postJson(PATH, "{\"resourceMetrics\": [");
		assertThat(badJson.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(badJson.body()).get("message").asString()).contains("not valid JSON");
		assertThat(api.post(PATH, "text/plain", "hello".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(415);
		assertThat(totals(api).get("input_tokens").asLong()).isZero();
	}

	private static HttpResponse<String> protobuf(IngestClient api, ExportMetricsServiceRequest export) {
		HttpResponse<String> response = api.post(PATH, "application/x-protobuf", export.toByteArray());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response;
	}

	private static JsonNode totals(IngestClient api) {
		HttpResponse<String> summary = api.get(WEEK);
		assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
		return JSON.readTree(summary.body()).get("totals");
	}

}
