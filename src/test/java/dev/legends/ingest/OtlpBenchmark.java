package dev.legends.ingest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import dev.legends.ingest.otlp.OtlpRequests;
import dev.legends.testkit.IngestClient;
import dev.legends.testkit.RunningApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet of Claude Code installations exporting at once: N concurrent keep-alive HTTP
 * clients send small OTLP metric exports shaped like Claude Code's (resource
 * {@code service.name=claude-code}; {@code claude_code.token.usage}, a delta sum with
 * four points of type input/output/cacheRead/cacheCreation and attributes {@code model},
 * {@code user.email}, {@code session.id}; one {@code claude_code.cost.usage} point), each
 * from another of 70,000 people at a time of its own, to Legends on an H2 file database,
 * and in the same run, in alternating rounds, to a floor on the same stack
 * ({@link BenchmarkFloorEndpoint}: bearer check, parse, one batched insert of a row per
 * point). Prints each round's rates and ratio, the median ratio, p50/p99 latencies,
 * non-2xx answers, heap, and checks that Legends stored exactly what it answered 200 for
 * (via {@code /api/v1/usage/summary}). {@code -Dmode=batch} sends 100-record batches to
 * {@code /api/v1/usage} instead (rates in records/s).
 *
 * <pre>
 * mvn -Pbenchmark test -Dtest=OtlpBenchmark                       # JSON and protobuf, 32 and 64 clients
 * mvn -Pbenchmark test -Dtest=OtlpBenchmark -Dmode=batch -Dclients=64
 * mvn -Pbenchmark test -Dtest=OtlpBenchmark -Dformats=json -Dclients=32 -Drounds=3 -Dseconds=5 -DargLine=-Xmx512m
 * </pre>
 */
@Tag("benchmark")
class OtlpBenchmark {

	private static final int PEOPLE = 70_000;

	private static final int BATCH = 100;

	private static final Instant WEEK = Instant.parse("2026-11-23T00:00:00Z");

	private static final long FIRST_NANOS = WEEK.plusSeconds(9 * 3600).getEpochSecond() * 1_000_000_000L;

	private static final String SUMMARY = "/api/v1/usage/summary?start=2026-11-23T00:00:00Z&end=2026-11-30T00:00:00Z";

	private static final JsonMapper JSON = new JsonMapper();

	private final String mode = System.getProperty("mode", "otlp");

	private final int rounds = Integer.getInteger("rounds", 5);

	private final int seconds = Integer.getInteger("seconds", 6);

	private final int warmUpSeconds = Integer.getInteger("warmup", 20);

	/** Every export or record index, across sides and rounds: unique times and ids. */
	private final AtomicLong next = new AtomicLong();

	/** Input tokens in everything Legends answered 200 for. */
	private final AtomicLong answeredInput = new AtomicLong();

	@Test
	void exportWhenFleetSendsAtOncePrintsRatesAgainstTheFloor() throws Exception {
		Path dir = Files.createTempDirectory("legends-otlp-benchmark");
		try (RunningApp app = RunningApp
			.start(Map.of("LEGENDS_DB_URL", "jdbc:h2:file:" + dir.toAbsolutePath() + "/legends;DB_CLOSE_ON_EXIT=FALSE",
					"LOGGING_LEVEL_ROOT", "warn", "legends.benchmark.floor", "true"))) {
			IngestClient admin = IngestClient.withNewKey(app.slack(), "fleet");
			String base = "http://127.0.0.1:" + app.port();
			Side legends = new Side("Legends",
					base + (this.mode.equals("batch") ? "/api/v1/usage" : "/otlp/v1/metrics"), admin.key(), true);
			Side floor = new Side("floor",
					base + (this.mode.equals("batch") ? "/benchmark-floor/usage" : "/benchmark-floor/otlp"),
					BenchmarkFloorEndpoint.KEY, false);
			List<String> formats = this.mode.equals("batch") ? List.of("batch")
					: List.of(System.getProperty("formats", "json,protobuf").split(","));
			int[] clientCounts = Arrays.stream(System.getProperty("clients", "32,64").split(","))
				.mapToInt(Integer::parseInt)
				.toArray();
			System.out.printf(Locale.ROOT,
					"%nOTLP fleet benchmark (%s): H2 file database in %s, %d rounds of %d s a side"
							+ " after %d s warm-up a side%n",
					this.mode, dir, this.rounds, this.seconds, this.warmUpSeconds);
			for (String format : formats) {
				run(legends, format, clientCounts[0], this.warmUpSeconds);
				run(floor, format, clientCounts[0], this.warmUpSeconds);
				for (int clients : clientCounts) {
					compare(legends, floor, format, clients);
				}
			}
			checkStored(admin);
			System.out.printf(Locale.ROOT,
					"  load average %.2f on %d cores; max heap %,d MB, peak heap used %,d MB%n%n",
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
					Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
					IngestBenchmark.peakHeapMegabytes());
		}
		finally {
			IngestBenchmark.delete(dir);
		}
	}

	private void compare(Side legends, Side floor, String format, int clients) throws Exception {
		List<Round> ours = new ArrayList<>();
		List<Round> theirs = new ArrayList<>();
		List<Double> ratios = new ArrayList<>();
		String unit = format.equals("batch") ? "records/s" : "exports/s";
		System.out.printf(Locale.ROOT, "  %s, %d clients:%n", format, clients);
		for (int round = 0; round < this.rounds; round++) {
			// sides take turns going first
			Round a = (round % 2 == 0) ? run(legends, format, clients, this.seconds) : null;
			Round b = run(floor, format, clients, this.seconds);
			if (a == null) {
				a = run(legends, format, clients, this.seconds);
			}
			ours.add(a);
			theirs.add(b);
			ratios.add(a.rate() / b.rate());
			System.out.printf(Locale.ROOT,
					"    round %d: Legends %,.0f %s (p50 %.1f ms, p99 %.1f ms), floor %,.0f %s "
							+ "(p50 %.1f ms, p99 %.1f ms), ratio %.2f%n",
					round + 1, a.rate(), unit, a.percentile(50), a.percentile(99), b.rate(), unit, b.percentile(50),
					b.percentile(99), a.rate() / b.rate());
		}
		Round all = Round.merge(ours);
		Round floorAll = Round.merge(theirs);
		System.out.printf(Locale.ROOT,
				"    => Legends median %,.0f %s, p50 %.1f ms, p99 %.1f ms, non-2xx %d | floor median %,.0f %s, "
						+ "p50 %.1f ms, p99 %.1f ms, non-2xx %d | median ratio %.2f%n",
				middle(ours.stream().map(Round::rate).toList()), unit, all.percentile(50), all.percentile(99),
				all.failures(), middle(theirs.stream().map(Round::rate).toList()), unit, floorAll.percentile(50),
				floorAll.percentile(99), floorAll.failures(), middle(ratios));
	}

	private void checkStored(IngestClient admin) throws InterruptedException {
		HttpResponse<String> summary = admin.get(SUMMARY);
		assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
		long stored = JSON.readTree(summary.body()).get("totals").get("input_tokens").asLong();
		System.out.printf(Locale.ROOT, "  stored = answered: %s (input tokens stored %,d, answered %,d)%n",
				stored == this.answeredInput.get(), stored, this.answeredInput.get());
		assertThat(stored).isEqualTo(this.answeredInput.get());
	}

	/**
	 * One side's clients sending for a while.
	 */
	private Round run(Side side, String format, int clients, int secondsToRun) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(clients);
		try {
			long end = System.nanoTime() + secondsToRun * 1_000_000_000L;
			List<Future<Round>> futures = new ArrayList<>();
			for (int client = 0; client < clients; client++) {
				futures.add(threads.submit(() -> client(side, format, end)));
			}
			List<Round> rounds = new ArrayList<>();
			for (Future<Round> future : futures) {
				rounds.add(future.get());
			}
			return Round.merge(rounds);
		}
		finally {
			threads.shutdownNow();
		}
	}

	private Round client(Side side, String format, long end) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		Round round = new Round();
		long started = System.nanoTime();
		while (System.nanoTime() < end) {
			long index = this.next.getAndAdd(format.equals("batch") ? BATCH : 1);
			byte[] body = switch (format) {
				case "json" -> json(index);
				case "protobuf" -> protobuf(index);
				default -> batch(index);
			};
			HttpRequest request = HttpRequest.newBuilder(URI.create(side.url()))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", "Bearer " + side.key())
				.header("Content-Type", format.equals("protobuf") ? "application/x-protobuf" : "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build();
			long sent = System.nanoTime();
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			round.add(System.nanoTime() - sent, response.statusCode() / 100 == 2, format.equals("batch") ? BATCH : 1);
			if (side.counted() && response.statusCode() == 200) {
				this.answeredInput.addAndGet(format.equals("batch") ? batchInput(index) : input(index));
			}
		}
		round.elapsed(System.nanoTime() - started);
		return round;
	}

	private static long input(long index) {
		return 100 + index % 1000;
	}

	private static long batchInput(long first) {
		long sum = 0;
		for (long i = first; i < first + BATCH; i++) {
			sum += input(i);
		}
		return sum;
	}

	private static String email(long index) {
		return "dev" + (index % PEOPLE) + "@fleet.example.com";
	}

	private static byte[] protobuf(long index) {
		long time = FIRST_NANOS + index * 1_000_000L;
		long start = time - 60_000_000_000L;
		return OtlpRequests.delta(email(index))
			.tokens("input", start, time, input(index))
			.tokens("output", start, time, 50)
			.tokens("cacheRead", start, time, 1000)
			.tokens("cacheCreation", start, time, 10)
			.cost(start, time, 0.01)
			.build()
			.toByteArray();
	}

	private static byte[] json(long index) {
		long time = FIRST_NANOS + index * 1_000_000L;
		long start = time - 60_000_000_000L;
		String attributes = "{\"key\":\"model\",\"value\":{\"stringValue\":\"claude-sonnet-4-5-20250929\"}},"
				+ "{\"key\":\"user.email\",\"value\":{\"stringValue\":\"" + email(index) + "\"}},"
				+ "{\"key\":\"session.id\",\"value\":{\"stringValue\":\"session-" + (index % PEOPLE) + "\"}}";
		StringBuilder tokens = new StringBuilder();
		String[] types = { "input", "output", "cacheRead", "cacheCreation" };
		long[] values = { input(index), 50, 1000, 10 };
		for (int i = 0; i < types.length; i++) {
			tokens.append((i > 0) ? "," : "")
				.append("{\"attributes\":[{\"key\":\"type\",\"value\":{\"stringValue\":\"")
				.append(types[i])
				.append("\"}},")
				.append(attributes)
				.append("],\"startTimeUnixNano\":\"")
				.append(start)
				.append("\",\"timeUnixNano\":\"")
				.append(time)
				.append("\",\"asDouble\":")
				.append(values[i])
				.append('}');
		}
		String export = "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
				+ "\"value\":{\"stringValue\":\"claude-code\"}}]},\"scopeMetrics\":[{\"scope\":{\"name\":"
				+ "\"com.anthropic.claude_code\"},\"metrics\":[{\"name\":\"claude_code.token.usage\",\"unit\":\"tokens\","
				+ "\"sum\":{\"aggregationTemporality\":1,\"isMonotonic\":true,\"dataPoints\":[" + tokens + "]}},"
				+ "{\"name\":\"claude_code.cost.usage\",\"unit\":\"USD\",\"sum\":{\"aggregationTemporality\":1,"
				+ "\"isMonotonic\":true,\"dataPoints\":[{\"attributes\":[" + attributes + "],\"startTimeUnixNano\":\""
				+ start + "\",\"timeUnixNano\":\"" + time + "\",\"asDouble\":0.01}]}}]}]}]}";
		return export.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] batch(long first) {
		StringBuilder json = new StringBuilder(BATCH * 320).append("{\"records\":[");
		for (long i = first; i < first + BATCH; i++) {
			Instant start = WEEK.plusSeconds(9 * 3600).plusMillis(i);
			json.append((i > first) ? "," : "")
				.append("{\"id\":\"fleet-")
				.append(i)
				.append("\",\"user\":{\"email\":\"")
				.append(email(i))
				.append("\"},\"source\":\"claude-code\",\"model\":\"claude-sonnet-4-5\",\"start\":\"")
				.append(start)
				.append("\",\"end\":\"")
				.append(start.plusSeconds(60))
				.append("\",\"input_tokens\":")
				.append(input(i))
				.append(",\"output_tokens\":50,\"cache_read_input_tokens\":1000,\"requests\":1,\"cost_usd\":0.01}");
		}
		return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
	}

	private static double middle(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(Comparator.naturalOrder());
		return sorted.get(sorted.size() / 2);
	}

	/** Where a side listens, with its key; {@code counted}: its answers are checked. */
	private record Side(String name, String url, String key, boolean counted) {

	}

	/** Latencies and outcomes of one side's requests in a round. */
	private static final class Round {

		private long[] latencies = new long[1024];

		private int size;

		private long items;

		private long failures;

		private long elapsedNanos;

		void add(long nanos, boolean ok, int count) {
			if (this.size == this.latencies.length) {
				this.latencies = Arrays.copyOf(this.latencies, this.size * 2);
			}
			this.latencies[this.size++] = nanos;
			if (ok) {
				this.items += count;
			}
			else {
				this.failures++;
			}
		}

		void elapsed(long nanos) {
			this.elapsedNanos = nanos;
		}

		static Round merge(List<Round> rounds) {
			Round merged = new Round();
			for (Round round : rounds) {
				for (int i = 0; i < round.size; i++) {
					merged.add(round.latencies[i], true, 0);
				}
				merged.items += round.items;
				merged.failures += round.failures;
				merged.elapsedNanos = Math.max(merged.elapsedNanos, round.elapsedNanos);
			}
			return merged;
		}

		double rate() {
			return this.items / (this.elapsedNanos / 1e9);
		}

		long failures() {
			return this.failures;
		}

		double percentile(int percent) {
			if (this.size == 0) {
				return 0;
			}
			long[] sorted = Arrays.copyOf(this.latencies, this.size);
			Arrays.sort(sorted);
			return sorted[Math.min(this.size - 1, (int) Math.ceil(this.size * percent / 100.0) - 1)] / 1e6;
		}

	}

}
