package dev.legends.ingest;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.legends.testkit.HeapWatch;
import dev.legends.testkit.IngestClient;
import dev.legends.testkit.OtlpLoad;
import dev.legends.testkit.OtlpLoad.Round;
import dev.legends.testkit.LegendsTestInitializer;
import dev.legends.testkit.RunningApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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

	private static final JsonMapper JSON = new JsonMapper();

	private final String mode = System.getProperty("mode", "otlp");

	private final int rounds = Integer.getInteger("rounds", 5);

	private final int seconds = Integer.getInteger("seconds", 6);

	private final int warmUpSeconds = Integer.getInteger("warmup", 20);

	private final OtlpLoad load = new OtlpLoad();

	@Test
	void exportWhenFleetSendsAtOncePrintsRatesAgainstTheFloor() throws Exception {
		Path dir = Files.createTempDirectory("legends-otlp-benchmark");
		try (RunningApp app = RunningApp.start(Map.of("LEGENDS_DB_URL",
				"jdbc:h2:file:" + dir.toAbsolutePath() + "/legends;DB_CLOSE_ON_EXIT=FALSE", "LOGGING_LEVEL_ROOT",
				"warn", "legends.benchmark.floor", "true", LegendsTestInitializer.EMAIL_LOOKUPS_PER_MINUTE, "50"));
				HeapWatch heap = HeapWatch.start()) {
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
					"  load average %.2f on %d cores; %s (Legends, the floor and the load " + "generator together)%n%n",
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
					Runtime.getRuntime().availableProcessors(), heap.summary());
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
		String item = format.equals("batch") ? "record" : "export";
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
					"    round %d: Legends %,.0f %s (p50 %.1f ms, p99 %.1f ms, CPU %.3f ms/%s), floor %,.0f %s "
							+ "(p50 %.1f ms, p99 %.1f ms, CPU %.3f ms/%s), ratio %.2f%n",
					round + 1, a.rate(), unit, a.percentile(50), a.percentile(99), a.serverCpuMillisPerItem(), item,
					b.rate(), unit, b.percentile(50), b.percentile(99), b.serverCpuMillisPerItem(), item,
					a.rate() / b.rate());
		}
		Round all = Round.merge(ours);
		Round floorAll = Round.merge(theirs);
		System.out.printf(Locale.ROOT,
				"    => Legends median %,.0f %s, p50 %.1f ms, p99 %.1f ms, non-2xx %d | floor median %,.0f %s, "
						+ "p50 %.1f ms, p99 %.1f ms, non-2xx %d | median ratio %.2f%n",
				middle(ours.stream().map(Round::rate).toList()), unit, all.percentile(50), all.percentile(99),
				all.failures(), middle(theirs.stream().map(Round::rate).toList()), unit, floorAll.percentile(50),
				floorAll.percentile(99), floorAll.failures(), middle(ratios));
		System.out.printf(Locale.ROOT,
				"    => CPU per %s (this JVM less the load generator's threads): Legends %.3f ms, floor %.3f ms "
						+ "(ratio %.2f); load generator %.3f ms%n",
				item, all.serverCpuMillisPerItem(), floorAll.serverCpuMillisPerItem(),
				all.serverCpuMillisPerItem() / floorAll.serverCpuMillisPerItem(), all.clientCpuMillisPerItem());
	}

	private void checkStored(IngestClient admin) throws InterruptedException {
		HttpResponse<String> summary = admin.get(OtlpLoad.SUMMARY);
		assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
		long stored = JSON.readTree(summary.body()).get("totals").get("input_tokens").asLong();
		System.out.printf(Locale.ROOT, "  stored = answered: %s (input tokens stored %,d, answered %,d)%n",
				stored == this.load.answeredInput(), stored, this.load.answeredInput());
		assertThat(stored).isEqualTo(this.load.answeredInput());
	}

	/**
	 * One side's clients sending for a while.
	 */
	private Round run(Side side, String format, int clients, int secondsToRun) throws Exception {
		return this.load.run(List.of(side.target()), format, clients, System.nanoTime() + secondsToRun * 1_000_000_000L,
				0, null);
	}

	private static double middle(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(Comparator.naturalOrder());
		return sorted.get(sorted.size() / 2);
	}

	/** Where a side listens, with its key; {@code counted}: its answers are checked. */
	private record Side(String name, String url, String key, boolean counted) {

		OtlpLoad.Target target() {
			return new OtlpLoad.Target(this.url, this.key, this.counted);
		}

	}

}
