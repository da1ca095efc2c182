package dev.legends.ingest;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import dev.legends.ingest.otlp.OtlpRequests;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.IngestClient;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackMessages;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import dev.legends.usage.UsageBounds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.legends.ingest.UsageBatchApiTests.WEEK;
import static dev.legends.ingest.UsageBatchApiTests.batch;
import static dev.legends.ingest.UsageBatchApiTests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The numeric bounds of every ingest path (batch API, importers, OTLP JSON and protobuf)
 * driven over HTTP with the inputs that used to break every board: refused with a 400
 * that names the field, nothing of the request stored, and the boards still answering.
 */
@LegendsAppTest
class UsageBoundsApiTests {

	private static final String HUGE = "9223372036854775807";

	@Test
	void ingestWhenTwoRecordsCarryLongMaxRefusesBatchAndBoardsKeepWorking(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(new SlackUser("UBOUNDS1", "Bo Unds", "bo.unds@example.com", "UTC", false));
		IngestClient api = IngestClient.withNewKey(team, "nightly");
		String user = "{\"email\":\"bo.unds@example.com\"}";
		HttpResponse<String> refused = api.postJson("/api/v1/usage",
				batch(record("h-1", user, "output_tokens", HUGE), record("h-2", user, "output_tokens", HUGE)));
		assertThat(refused.statusCode()).isEqualTo(400);
		JsonNode body = json(refused);
		assertThat(body.get("error").asString()).isEqualTo("invalid_records");
		assertThat(body.get("details")).hasSize(2);
		assertThat(body.get("details").get(0).get("index").asInt()).isZero();
		assertThat(body.get("details").get(0).get("field").asString()).isEqualTo("output_tokens");
		assertThat(body.get("details").get(0).get("message").asString()).contains("at most 1000000000000");
		assertThat(body.get("details").get(1).get("index").asInt()).isEqualTo(1);
		HttpResponse<String> ordinary = api.postJson("/api/v1/usage",
				batch(record("o-1", user, "output_tokens", "800")));
		assertThat(ordinary.statusCode()).isEqualTo(200);
		HttpResponse<String> summary = api.get(WEEK);
		assertThat(summary.statusCode()).isEqualTo(200);
		assertThat(json(summary).get("totals").get("output_tokens").asLong()).isEqualTo(800);
		String me = SlackMessages.visibleText(team.command("UBOUNDS1", "me").body());
		assertThat(me).doesNotContain("snag");
	}

	@Test
	void ingestWhenAnyNumericFieldPastItsBoundNamesThatField(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "nightly");
		String user = "{\"api_key_name\":\"ci\"}";
		String past = Long.toString(UsageBounds.MAX_TOKENS + 1);
		String[] fields = { "input_tokens", "output_tokens", "cache_read_input_tokens", "cache_creation_input_tokens",
				"reasoning_tokens" };
		String[] records = new String[fields.length + 4];
		for (int i = 0; i < fields.length; i++) {
			records[i] = record("f-" + i, user, fields[i], past);
		}
		records[fields.length] = record("r-1", user, "requests", Long.toString(UsageBounds.MAX_REQUESTS + 1));
		records[fields.length + 1] = record("c-1", user, "cost_usd", "1000000000.01");
		records[fields.length + 2] = record("c-2", user, "cost_usd", "1e30");
		records[fields.length + 3] = record("b-1", user, "output_tokens", "1" + "0".repeat(30));
		JsonNode details = json(api.postJson("/api/v1/usage", batch(records))).get("details");
		assertThat(details).hasSize(records.length);
		for (int i = 0; i < fields.length; i++) {
			assertThat(details.get(i).get("index").asInt()).isEqualTo(i);
			assertThat(details.get(i).get("field").asString()).isEqualTo(fields[i]);
		}
		assertThat(details.get(fields.length).get("field").asString()).isEqualTo("requests");
		assertThat(details.get(fields.length + 1).get("field").asString()).isEqualTo("cost_usd");
		assertThat(details.get(fields.length + 2).get("field").asString()).isEqualTo("cost_usd");
		assertThat(details.get(fields.length + 3).get("field").asString()).isEqualTo("output_tokens");
		assertThat(json(api.get(WEEK)).get("totals").get("requests").asLong()).isZero();
		String atBounds = batch(record("max-1", user, "output_tokens", Long.toString(UsageBounds.MAX_TOKENS)),
				record("max-2", user, "cost_usd", "1000000000"));
		assertThat(api.postJson("/api/v1/usage", atBounds).statusCode()).isEqualTo(200);
	}

	@Test
	void importWhenCountPastBoundNamesLineAndColumnAndStoresNothing(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "importer");
		String csv = "user_email,model,start,end,output_tokens\n"
				+ "a@example.com,claude-sonnet-4-5,2026-11-26T09:00:00Z,2026-11-26T10:00:00Z,10\n"
				+ "a@example.com,claude-sonnet-4-5,2026-11-26T09:00:00Z,2026-11-26T10:00:00Z," + HUGE + "\n";
		HttpResponse<String> response = api.post("/api/v1/usage/import?format=csv", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode detail = json(response).get("details").get(0);
		assertThat(detail.get("index").asInt()).isEqualTo(1);
		assertThat(detail.get("line").asInt()).isEqualTo(3);
		assertThat(detail.get("field").asString()).isEqualTo("output_tokens");
		assertThat(json(api.get(WEEK)).get("totals").get("output_tokens").asLong()).isZero();
	}

	@Test
	void importWhenConvertedRecordPastBoundNamesRecordAndField(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "importer");
		long each = UsageBounds.MAX_TOKENS;
		String file = "{\"data\":[{\"start_time\":1795424400,\"end_time\":1795428000,\"results\":["
				+ "{\"user_id\":\"user-1\",\"model\":\"gpt-4o\",\"input_tokens\":10,\"output_tokens\":10},"
				+ "{\"user_id\":\"user-1\",\"model\":\"gpt-4o\",\"input_tokens\":" + each + ",\"input_audio_tokens\":"
				+ each + ",\"output_tokens\":1}]}]}";
		HttpResponse<String> response = api.post("/api/v1/usage/import?format=openai-usage", "application/json",
				file.getBytes(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode detail = json(response).get("details").get(0);
		assertThat(detail.get("index").asInt()).isEqualTo(1);
		assertThat(detail.get("field").asString()).isEqualTo("input_tokens");
		assertThat(json(api.get(WEEK)).get("totals").get("output_tokens").asLong()).isZero();
	}

	@Test
	void otlpWhenJsonPointIsHugeAnswers400AndBoardsKeepWorking(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "otel");
		String export = """
				{"resourceMetrics":[{"resource":{"attributes":[{"key":"user.email","value":{"stringValue":"o@example.com"}}]},
				 "scopeMetrics":[{"metrics":[{"name":"claude_code.token.usage","sum":{"aggregationTemporality":1,
				  "dataPoints":[{"attributes":[{"key":"type","value":{"stringValue":"output"}},
				   {"key":"model","value":{"stringValue":"claude-sonnet-4-5"}}],
				   "startTimeUnixNano":"1795424400000000000","timeUnixNano":"1795424460000000000","asDouble":1e30},
				  {"attributes":[{"key":"type","value":{"stringValue":"input"}},
				   {"key":"model","value":{"stringValue":"claude-sonnet-4-5"}}],
				   "startTimeUnixNano":"1795424400000000000","timeUnixNano":"1795424460000000000","asDouble":100}]}}]}]}]}
				""";
		HttpResponse<String> response = api.postJson("/otlp/v1/metrics", export);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).get("message").asString()).contains("claude_code.token.usage")
			.contains("at most 1000000000000");
		api.postJson("/api/v1/usage", batch(record("o-1", "{\"email\":\"o@example.com\"}", "output_tokens", "7")));
		HttpResponse<String> summary = api.get(WEEK);
		assertThat(summary.statusCode()).isEqualTo(200);
		assertThat(json(summary).get("totals").get("input_tokens").asLong()).isZero();
		assertThat(json(summary).get("totals").get("output_tokens").asLong()).isEqualTo(7);
	}

	@Test
	void otlpWhenProtobufPointIsNotFiniteOrCostTooLargeAnswers400(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "otel");
		long t0 = OtlpRequests.T0;
		long t1 = t0 + OtlpRequests.MINUTE;
		byte[] nan = OtlpRequests.delta("p@example.com").tokens("input", t0, t1, Double.NaN).build().toByteArray();
		byte[] cost = OtlpRequests.delta("p@example.com")
			.tokens("input", t0, t1, 10)
			.cost(t0, t1, 2e9)
			.build()
			.toByteArray();
		byte[] many = OtlpRequests.delta("p@example.com")
			.tokens("output", t0, t1, UsageBounds.MAX_TOKENS)
			.tokens("output", t0, t1, UsageBounds.MAX_TOKENS)
			.build()
			.toByteArray();
		for (byte[] export : new byte[][] { nan, cost, many }) {
			HttpResponse<String> response = api.post("/otlp/v1/metrics", "application/x-protobuf", export);
			assertThat(response.statusCode()).isEqualTo(400);
		}
		JsonNode totals = json(api.get(WEEK)).get("totals");
		assertThat(totals.get("input_tokens").asLong()).isZero();
		assertThat(totals.get("output_tokens").asLong()).isZero();
	}

	private static String record(String id, String user, String field, String value) {
		String base = "{\"id\":\"" + id + "\",\"user\":" + user
				+ ",\"source\":\"bounds\",\"model\":\"claude-sonnet-4-5\","
				+ "\"start\":\"2026-11-26T09:00:00Z\",\"end\":\"2026-11-26T09:10:00Z\"";
		return base + ",\"" + field + "\":" + value + "}";
	}

}
