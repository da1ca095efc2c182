package dev.legends.ingest;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

import dev.legends.ingest.otlp.OtlpRequests;
import dev.legends.testkit.IngestClient;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet of clients sending at once, over real HTTP, with the default connection pool:
 * every request is answered 200 and everything answered is stored exactly once, also
 * while summaries are read during the burst.
 */
@LegendsAppTest
class ConcurrentIngestTests {

	private static final int CLIENTS = 64;

	private static final int EXPORTS_PER_CLIENT = 5;

	private static final int BATCHES_PER_CLIENT = 2;

	private static final String WEEK = "/api/v1/usage/summary?start=2026-11-23T00:00:00Z&end=2026-11-30T00:00:00Z";

	private static final JsonMapper JSON = new JsonMapper();

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
		int exports = CLIENTS * EXPORTS_PER_CLIENT;
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
		assertThat(statuses).hasSize(CLIENTS * BATCHES_PER_CLIENT).containsOnly(200);
		JsonNode totals = totals(api);
		long records = (long) CLIENTS * BATCHES_PER_CLIENT * perBatch;
		assertThat(totals.get("input_tokens").asLong()).isEqualTo(3 * records);
		assertThat(totals.get("output_tokens").asLong()).isEqualTo(2 * records);
		assertThat(totals.get("requests").asLong()).isEqualTo(records);
	}

	/**
	 * {@link #CLIENTS} clients of their own, released together, each sending a number of
	 * requests one after the other, while another client reads the summary over and over
	 * (every read must answer 200 too).
	 * @return every request's status
	 */
	private static List<Integer> burst(IngestClient api, int perClient,
			BiFunction<IngestClient, Integer, HttpResponse<String>> request) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(CLIENTS + 1);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<List<Integer>>> clients = new ArrayList<>();
			for (int client = 0; client < CLIENTS; client++) {
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
