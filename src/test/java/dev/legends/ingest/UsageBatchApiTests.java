package dev.legends.ingest;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.IngestClient;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackMessages;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/usage} and {@code GET /api/v1/usage/summary} as a nightly export
 * job uses them, with a key an admin made in Slack.
 */
@LegendsAppTest
class UsageBatchApiTests {

	static final String WEEK = "/api/v1/usage/summary?start=2026-11-23T00:00:00Z&end=2026-11-30T00:00:00Z";

	private static final JsonMapper JSON = new JsonMapper();

	@Test
	void ingestWhenKeyMadeInSlackStoresBatchAndSecondSendIsAllDuplicates(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "nightly");
		String batch = batch(record("r-1", "{\"api_key_name\":\"ci\"}", 1200, 800),
				record(null, "{\"api_key_name\":\"ci\"}", 300, 100));
		HttpResponse<String> first = api.postJson("/api/v1/usage", batch);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(json(first)).isEqualTo(json("{\"accepted\":2,\"duplicates\":0,\"unmatched_users\":[\"ci\"]}"));
		HttpResponse<String> again = api.postJson("/api/v1/usage", batch);
		assertThat(json(again)).isEqualTo(json("{\"accepted\":0,\"duplicates\":2,\"unmatched_users\":[\"ci\"]}"));
		JsonNode totals = json(api.get(WEEK)).get("totals");
		assertThat(totals.get("input_tokens").asLong()).isEqualTo(1500);
		assertThat(totals.get("output_tokens").asLong()).isEqualTo(900);
		assertThat(totals.get("cache_read_input_tokens").asLong()).isEqualTo(100_000);
		assertThat(totals.get("requests").asLong()).isEqualTo(6);
		assertThat(totals.get("cost_usd_reported").decimalValue()).isEqualByComparingTo("0.84");
		// 1500 input x $3 + 900 output x $15 + 100,000 cache reads x $0.30, per million
		assertThat(totals.get("cost_usd_estimated").decimalValue()).isEqualByComparingTo("0.048");
		assertThat(totals.get("price_unknown").asBoolean()).isFalse();
	}

	@Test
	void ingestWhenOneRecordInvalidStoresNothingAndNamesIndexAndField(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "nightly");
		String bad = record("r-2", "{\"api_key_name\":\"ci\"}", 10, 10).replace("\"output_tokens\":10",
				"\"output_tokens\":-5");
		HttpResponse<String> response = api.postJson("/api/v1/usage",
				batch(record("r-1", "{\"api_key_name\":\"ci\"}", 10, 10), bad));
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode body = json(response);
		assertThat(body.get("error").asString()).isEqualTo("invalid_records");
		assertThat(body.get("details").get(0).get("index").asInt()).isEqualTo(1);
		assertThat(body.get("details").get(0).get("field").asString()).isEqualTo("output_tokens");
		assertThat(json(api.get(WEEK)).get("totals").get("input_tokens").asLong()).isZero();
	}

	@Test
	void ingestWhenUnknownFieldNamesIt(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "nightly");
		String record = record("r-1", "{\"email\":\"a@example.com\"}", 1, 1).replace("{\"id\"",
				"{\"tokens_total\":2,\"id\"");
		JsonNode body = json(api.postJson("/api/v1/usage", batch(record)));
		assertThat(body.get("details").get(0).get("field").asString()).isEqualTo("tokens_total");
		assertThat(body.get("details").get(0).get("message").asString()).contains("unknown field");
	}

	@Test
	void ingestWhenBodyIsNotJsonAnswersMalformedJson(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "nightly");
		HttpResponse<String> response = api.postJson("/api/v1/usage", "{\"records\": [ {\"id\": ");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).get("error").asString()).isEqualTo("malformed_json");
	}

	@Test
	void ingestWhenKeyMissingUnknownOrRevokedAnswers401(SlackTestClient slack) {
		SlackTestClient team = slack.inNewTeam();
		IngestClient api = IngestClient.withNewKey(team, "temporary");
		String batch = batch(record("r-1", "{\"api_key_name\":\"ci\"}", 1, 1));
		assertThat(api.withKey(null).postJson("/api/v1/usage", batch).statusCode()).isEqualTo(401);
		assertThat(api.withKey("lgk_" + "x".repeat(43)).postJson("/api/v1/usage", batch).statusCode()).isEqualTo(401);
		assertThat(api.postJson("/api/v1/usage", batch).statusCode()).isEqualTo(200);
		assertThat(SlackMessages.visibleText(team.command(SlackTestClient.ADMIN_USER, "key revoke temporary").body()))
			.contains("Revoked");
		HttpResponse<String> revoked = api.postJson("/api/v1/usage", batch);
		assertThat(revoked.statusCode()).isEqualTo(401);
		assertThat(json(revoked).get("error").asString()).isEqualTo("unauthorized");
		assertThat(api.get(WEEK).statusCode()).isEqualTo(401);
	}

	@Test
	void ingestWhenMoreThanTenThousandRecordsAnswers413AndStoresNothing(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "nightly");
		List<String> records = new ArrayList<>();
		for (int i = 0; i <= IngestLimits.MAX_RECORDS; i++) {
			records.add(record("r-" + i, "{\"api_key_name\":\"ci\"}", 1, 1));
		}
		HttpResponse<String> response = api.postJson("/api/v1/usage", batch(records.toArray(String[]::new)));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(json(response).get("error").asString()).isEqualTo("payload_too_large");
		assertThat(json(api.get(WEEK)).get("totals").get("requests").asLong()).isZero();
	}

	@Test
	void ingestWhenBodyAboveTenMegabytesAnswers413(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "nightly");
		byte[] body = new byte[IngestLimits.MAX_BYTES + 10];
		java.util.Arrays.fill(body, (byte) ' ');
		assertThat(api.post("/api/v1/usage", "application/json", body).statusCode()).isEqualTo(413);
	}

	@Test
	void ingestWhenPersonBecameMemberSinceTheLastBatchFilesTheirUsageUnderThemAtOnce(SlackTestClient slack,
			FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		IngestClient api = IngestClient.withNewKey(team, "nightly");
		assertThat(json(
				api.postJson("/api/v1/usage", batch(record("n-1", "{\"email\":\"nobody.yet@example.com\"}", 10, 10))))
			.get("unmatched_users")).extracting(JsonNode::asString).containsExactly("nobody.yet@example.com");
		// Grace uses Legends in Slack for the first time: a member now, with her email
		fake.addUser(new SlackUser("UGRACEIDX", "Grace Index", "grace.index@example.com", "UTC", false));
		assertThat(team.command("UGRACEIDX", "me").statusCode()).isEqualTo(200);

		HttpResponse<String> first = api.postJson("/api/v1/usage",
				batch(record("g-1", "{\"email\":\"grace.index@example.com\"}", 10, 10)));
		assertThat(json(first).get("unmatched_users")).as("matched without waiting for Slack").isEmpty();
	}

	@Test
	void summaryWhenEmailMatchesPersonShowsThemWithBothCosts(SlackTestClient slack, FakeSlackApi fake)
			throws InterruptedException {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(new SlackUser("USUMADA", "Ada Summary", "ada.summary@example.com", "UTC", false));
		IngestClient api = IngestClient.withNewKey(team, "nightly");
		api.postJson("/api/v1/usage", batch(record("s-1", "{\"email\":\"ada.summary@example.com\"}", 1000, 1000),
				record("s-2", "{\"api_key_name\":\"shared\"}", 10, 10)));
		// Slack is asked who the email is in the background, after the batch is stored
		// (behind the lookups other tests of this app queued)
		JsonNode users = json(api.get(WEEK)).get("users");
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (!users.get(0).get("user").has("slack_id") && System.nanoTime() < deadline) {
			Thread.sleep(20);
			users = json(api.get(WEEK)).get("users");
		}
		assertThat(users).hasSize(2);
		JsonNode ada = users.get(0);
		assertThat(ada.get("user").get("slack_id").asString()).isEqualTo("USUMADA");
		assertThat(ada.get("user").get("email").asString()).isEqualTo("ada.summary@example.com");
		assertThat(ada.get("input_tokens").asLong()).isEqualTo(1000);
		assertThat(ada.has("cost_usd_reported")).isTrue();
		assertThat(ada.has("cost_usd_estimated")).isTrue();
		assertThat(users.get(1).get("user").get("api_key_name").asString()).isEqualTo("shared");
	}

	@Test
	void summaryWhenDatesMissingOrWrongNamesTheParameter(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "nightly");
		HttpResponse<String> missing = api.get("/api/v1/usage/summary?start=2026-11-23T00:00:00Z");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(json(missing).get("details").get(0).get("field").asString()).isEqualTo("end");
		HttpResponse<String> wrong = api.get("/api/v1/usage/summary?start=yesterday&end=2026-11-30T00:00:00Z");
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(json(wrong).get("details").get(0).get("field").asString()).isEqualTo("start");
	}

	static String record(String id, String user, long input, long output) {
		return "{" + ((id != null) ? "\"id\":\"" + id + "\"," : "") + "\"user\":" + user
				+ ",\"source\":\"claude-code\",\"model\":\"claude-sonnet-4-5\","
				+ "\"start\":\"2026-11-26T09:00:00Z\",\"end\":\"2026-11-26T09:59:59Z\",\"input_tokens\":" + input
				+ ",\"output_tokens\":" + output + ",\"cache_read_input_tokens\":50000,"
				+ "\"cache_creation_input_tokens\":0,\"reasoning_tokens\":0,\"requests\":3,\"cost_usd\":0.42}";
	}

	static String batch(String... records) {
		return "{\"records\":[" + String.join(",", records) + "]}";
	}

	static JsonNode json(HttpResponse<String> response) {
		return json(response.body());
	}

	static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
