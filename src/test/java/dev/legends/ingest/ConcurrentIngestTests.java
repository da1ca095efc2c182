package dev.legends.ingest;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.legends.ingest.otlp.OtlpRequests;
import dev.legends.testkit.Concurrently;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.IngestClient;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.RunningApp;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.legends.ingest.UsageBatchApiTests.batch;
import static dev.legends.ingest.UsageBatchApiTests.json;
import static dev.legends.ingest.UsageBatchApiTests.record;
import static dev.legends.ingest.otlp.OtlpRequests.MINUTE;
import static dev.legends.ingest.otlp.OtlpRequests.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest under concurrency: several collectors sending at once for people and workspaces
 * Legends has not seen yet get a 200 each, and the people, identities and totals come out
 * exactly once.
 */
@LegendsAppTest
class ConcurrentIngestTests {

	private static final int CLIENTS = 8;

	@Test
	void ingestWhenEightBatchesBringTheSameNewPersonAtOnceAnswersEachAndCreatesThemOnce(SlackTestClient slack,
			FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		String email = "new." + team.teamId().toLowerCase() + "@example.com";
		fake.addUser(new SlackUser("U" + team.teamId(), "First Timer", email, "UTC", false));
		IngestClient api = IngestClient.withNewKey(team, "collectors");
		List<HttpResponse<String>> answers = Concurrently.run(CLIENTS,
				(i) -> api.postJson("/api/v1/usage",
						batch(record("first-" + i, "{\"email\":\"" + email + "\"}", 100, 10),
								record("shared-" + i, "{\"api_key_name\":\"shared-" + (CLIENTS - i) + "\"}", 1, 1))));
		assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
		assertThat(answers).extracting((answer) -> json(answer).get("accepted").asInt()).containsOnly(2);
		JsonNode users = json(api.get(UsageBatchApiTests.WEEK)).get("users");
		assertThat(users).hasSize(1 + CLIENTS);
		JsonNode person = users.get(0);
		assertThat(person.get("user").get("slack_id").asString()).isEqualTo("U" + team.teamId());
		assertThat(person.get("input_tokens").asLong()).isEqualTo(CLIENTS * 100);
		assertThat(json(api.get(UsageBatchApiTests.WEEK)).get("totals").get("input_tokens").asLong())
			.isEqualTo(CLIENTS * 101);
	}

	@Test
	void exportWhenEightArriveAtOnceOnAFreshDatabaseAnswersEachAndCreatesTheWorkspaceOnce() {
		String key = "bootstrap-" + UUID.randomUUID();
		try (RunningApp app = RunningApp.start(Map.of("LEGENDS_INGEST_KEY", key, "LEGENDS_DB_URL",
				"jdbc:h2:mem:fresh-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"))) {
			IngestClient api = new IngestClient("http://127.0.0.1:" + app.port(), key);
			List<HttpResponse<String>> answers = Concurrently.run(CLIENTS,
					(i) -> api.post("/otlp/v1/metrics", "application/x-protobuf",
							OtlpRequests.delta("dev" + i + "@example.com")
								.tokens("input", T0 + i * MINUTE, T0 + (i + 1) * MINUTE, 1000 + i)
								.build()
								.toByteArray()));
			assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
			assertThat(app.bean(org.springframework.jdbc.core.JdbcTemplate.class)
				.queryForObject("select count(*) from workspace", Integer.class)).isEqualTo(1);
			JsonNode totals = json(api.get(UsageBatchApiTests.WEEK)).get("totals");
			assertThat(totals.get("input_tokens").asLong()).isEqualTo(CLIENTS * 1000 + 28);
		}
	}

}
