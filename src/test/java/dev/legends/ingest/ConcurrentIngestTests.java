package dev.legends.ingest;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

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
import tools.jackson.databind.json.JsonMapper;

import static dev.legends.ingest.UsageBatchApiTests.batch;
import static dev.legends.ingest.UsageBatchApiTests.json;
import static dev.legends.ingest.UsageBatchApiTests.record;
import static dev.legends.ingest.otlp.OtlpRequests.MINUTE;
import static dev.legends.ingest.otlp.OtlpRequests.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest under concurrency: several collectors sending at once for people and workspaces
 * Legends has not seen yet get a 200 each, and the people, identities and totals come out
 * exactly once; a fleet of 64 clients sending at once over real HTTP, with the default
 * connection pool, gets a 200 for every request and everything answered is stored exactly
 * once, also while summaries are read during the burst.
 */
@LegendsAppTest
class ConcurrentIngestTests {

	private static final int CLIENTS = 8;

	/** A fleet of clients, more than the connection pool has connections. */
	private static final int FLEET = 64;

	private static final int EXPORTS_PER_CLIENT = 5;

	private static final int BATCHES_PER_CLIENT = 2;

	private static final String WEEK = UsageBatchApiTests.WEEK;

	private static final JsonMapper JSON = new JsonMapper();

	@Test
	void ingestWhenEightBatchesBringTheSameNewPersonAtOnceAnswersEachAndCreatesThemOnce(SlackTestClient slack,
			FakeSlackApi fake) throws InterruptedException {
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
		// Slack is asked who the email is in the background, after the batches are stored
		// (behind the lookups other tests of this app queued)
		JsonNode users = json(api.get(UsageBatchApiTests.WEEK)).get("users");
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (!users.get(0).get("user").has("slack_id") && System.nanoTime() < deadline) {
			Thread.sleep(20);
			users = json(api.get(UsageBatchApiTests.WEEK)).get("users");
		}
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

	@Test
	void exportWhen64ClientsSendAtOnceAnswersEveryExportAndStoresItOnce(SlackTestClient slack) throws Exception {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "claude-code");
		List<Integer> statuses = burst(api, EXPORTS_PER_CLIENT, (client, n) -> {
			long start = OtlpRequests.T0 + n * 1_000_000_000L;
			long time = start + OtlpRequests.MINUTE;
			byte[] export = OtlpRequests.delta("dev" + n + "@fleet.example.com")
				.tokens("input", start, time, 100 + n)
				.tokens("output", start, time, 10)
				.tokens("cacheRead", start, time, 1000)
				.tokens("cacheCreation", start, time, 1)
				.cost(start, time, 0.01)
				.build()
				.toByteArray();
			return client.post("/otlp/v1/metrics", "application/x-protobuf", export);
		});
		int exports = FLEET * EXPORTS_PER_CLIENT;
		assertThat(statuses).hasSize(exports).containsOnly(200);
		JsonNode totals = totals(api);
		assertThat(totals.get("input_tokens").asLong()).isEqualTo(100L * exports + (long) exports * (exports - 1) / 2);
		assertThat(totals.get("output_tokens").asLong()).isEqualTo(10L * exports);
		assertThat(totals.get("cache_read_input_tokens").asLong()).isEqualTo(1000L * exports);
		assertThat(totals.get("cache_creation_input_tokens").asLong()).isEqualTo(exports);
		assertThat(totals.get("cost_usd_reported").decimalValue()).isEqualByComparingTo("3.20");
		assertThat(JSON.readTree(api.get(WEEK).body()).get("users")).hasSize(exports);
	}

	@Test
	void ingestWhen64ClientsSendBatchesAtOnceAnswersEveryBatchAndStoresItOnce(SlackTestClient slack) throws Exception {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "nightly");
		int perBatch = 100;
		List<Integer> statuses = burst(api, BATCHES_PER_CLIENT, (client, n) -> {
			StringBuilder batch = new StringBuilder("{\"records\":[");
			for (int i = 0; i < perBatch; i++) {
				batch.append((i > 0) ? "," : "")
					.append("{\"id\":\"b")
					.append(n)
					.append('-')
					.append(i)
					.append("\",\"user\":{\"email\":\"dev")
					.append((n * perBatch + i) % 500)
					.append("@fleet.example.com\"},\"source\":\"claude-code\",\"model\":\"claude-sonnet-4-5\",")
					.append("\"start\":\"2026-11-24T10:00:00Z\",\"end\":\"2026-11-24T10:01:00Z\",")
					.append("\"input_tokens\":3,\"output_tokens\":2,\"requests\":1}");
			}
			return client.postJson("/api/v1/usage", batch.append("]}").toString());
		});
		assertThat(statuses).hasSize(FLEET * BATCHES_PER_CLIENT).containsOnly(200);
		JsonNode totals = totals(api);
		long records = (long) FLEET * BATCHES_PER_CLIENT * perBatch;
		assertThat(totals.get("input_tokens").asLong()).isEqualTo(3 * records);
		assertThat(totals.get("output_tokens").asLong()).isEqualTo(2 * records);
		assertThat(totals.get("requests").asLong()).isEqualTo(records);
	}

	/**
	 * {@link #FLEET} clients of their own, released together, each sending a number of
	 * requests one after the other, while another client reads the summary over and over
	 * (every read must answer 200 too).
	 * @return every request's status
	 */
	private static List<Integer> burst(IngestClient api, int perClient,
			BiFunction<IngestClient, Integer, HttpResponse<String>> request) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(FLEET + 1);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<List<Integer>>> clients = new ArrayList<>();
			for (int client = 0; client < FLEET; client++) {
				int first = client * perClient;
				IngestClient own = api.withKey(api.key());
				clients.add(threads.submit(() -> {
					start.await();
					List<Integer> statuses = new ArrayList<>();
					for (int n = first; n < first + perClient; n++) {
						HttpResponse<String> response = request.apply(own, n);
						statuses.add(response.statusCode());
					}
					return statuses;
				}));
			}
			Future<List<Integer>> reads = threads.submit(reader(api, start, clients));
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<List<Integer>> client : clients) {
				statuses.addAll(client.get());
			}
			assertThat(reads.get()).isNotEmpty().containsOnly(200);
			return statuses;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static Callable<List<Integer>> reader(IngestClient api, CountDownLatch start,
			List<Future<List<Integer>>> clients) {
		return () -> {
			start.await();
			List<Integer> statuses = new ArrayList<>();
			do {
				statuses.add(api.get(WEEK).statusCode());
			}
			while (clients.stream().anyMatch((client) -> !client.isDone()));
			return statuses;
		};
	}

	private static JsonNode totals(IngestClient api) {
		HttpResponse<String> summary = api.get(WEEK);
		assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
		return JSON.readTree(summary.body()).get("totals");
	}

}
