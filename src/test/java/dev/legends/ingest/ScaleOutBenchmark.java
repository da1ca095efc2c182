package dev.legends.ingest;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.legends.testkit.AppProcess;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.IngestClient;
import dev.legends.testkit.OtlpLoad;
import dev.legends.testkit.OtlpLoad.Round;
import dev.legends.testkit.SlackTestClient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scale figure (issue 16, item 8): the fleet ingest load of {@link OtlpBenchmark}
 * (Claude Code–shaped OTLP exports from 70,000 people, N concurrent keep-alive clients)
 * against one and against two app processes on one PostgreSQL database, printed side by
 * side: exports/s, p50/p99, non-2xx, the app processes' CPU time per export, and whether
 * the database stored exactly the exports answered 200. Both instances run throughout;
 * rounds alternate between sending to the first only and spreading the clients over both
 * round-robin (which goes first alternates too), so that drift of a shared machine meets
 * both alike. The database is {@code LEGENDS_TEST_POSTGRES_URL}'s plus {@code _scale},
 * created and dropped here.
 *
 * <pre>
 * LEGENDS_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/legends LEGENDS_TEST_POSTGRES_USER=postgres \
 *   mvn -Pbenchmark test -Dtest=ScaleOutBenchmark
 * # options: -Dformat=json|protobuf -Dclients=32 -Drounds=4 -Dseconds=10 -Dwarmup=30 -Dheap=512m
 * </pre>
 */
@Tag("benchmark")
class ScaleOutBenchmark {

	private static final JsonMapper JSON = new JsonMapper();

	private final String format = System.getProperty("format", "json");

	private final int clients = Integer.getInteger("clients", 32);

	private final int rounds = Integer.getInteger("rounds", 4);

	private final int seconds = Integer.getInteger("seconds", 10);

	private final int warmUpSeconds = Integer.getInteger("warmup", 30);

	private final String heap = System.getProperty("heap", "512m");

	@Test
	void fleetIngestAgainstOneAndTwoInstancesOnPostgres() throws Exception {
		String serverUrl = System.getenv("LEGENDS_TEST_POSTGRES_URL");
		Assumptions.assumeTrue(serverUrl != null && serverUrl.startsWith("jdbc:postgresql:"),
				"LEGENDS_TEST_POSTGRES_URL is not set: the scale-out benchmark needs PostgreSQL");
		String user = System.getenv().getOrDefault("LEGENDS_TEST_POSTGRES_USER", "postgres");
		java.util.regex.Matcher name = java.util.regex.Pattern.compile("/([^/?]+)(\\?|$)").matcher(serverUrl);
		String database = (name.find() ? name.group(1) : "legends") + "_scale";
		String url = serverUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
		recreate(serverUrl, user, database);
		Map<String, String> environment = Map.of("LEGENDS_DB_URL", url, "LEGENDS_DB_USER", user,
				"spring.quartz.scheduler-name", "legends-scale", "LOGGING_LEVEL_ROOT", "warn");
		List<String> jvm = List.of("-Xmx" + this.heap);
		List<AppProcess> instances = new ArrayList<>();
		try {
			// the first alone, so that it migrates the database before the second starts
			instances.add(AppProcess.start(environment, jvm).awaitStarted(Duration.ofMinutes(10)));
			instances.add(AppProcess.start(environment, jvm).awaitStarted(Duration.ofMinutes(10)));
			SlackTestClient slack = new SlackTestClient(instances.get(0).port(), FakeSlackApi.shared());
			IngestClient admin = IngestClient.withNewKey(slack, "scale");
			List<OtlpLoad.Target> one = List.of(target(instances.get(0), admin.key()));
			List<OtlpLoad.Target> two = List.of(target(instances.get(0), admin.key()),
					target(instances.get(1), admin.key()));
			OtlpLoad load = new OtlpLoad();
			System.out.printf(Locale.ROOT,
					"%nScale-out benchmark: %s exports from %d clients to 1 and to 2 app processes (-Xmx%s) on "
							+ "PostgreSQL %s; %d rounds of %d s each after %d s warm-up each%n",
					this.format, this.clients, this.heap, database, this.rounds, this.seconds, this.warmUpSeconds);
			run(load, two, instances, this.warmUpSeconds);
			run(load, one, instances, this.warmUpSeconds);
			List<Measured> single = new ArrayList<>();
			List<Measured> double_ = new ArrayList<>();
			for (int round = 0; round < this.rounds; round++) {
				Measured a = (round % 2 == 0) ? run(load, one, instances, this.seconds) : null;
				Measured b = run(load, two, instances, this.seconds);
				if (a == null) {
					a = run(load, one, instances, this.seconds);
				}
				single.add(a);
				double_.add(b);
				System.out.printf(Locale.ROOT,
						"  round %d: 1 instance %,.0f exports/s (p99 %.1f ms), 2 instances %,.0f exports/s "
								+ "(p99 %.1f ms), ratio %.2f%n",
						round + 1, a.round().rate(), a.round().percentile(99), b.round().rate(),
						b.round().percentile(99), b.round().rate() / a.round().rate());
			}
			Summary s1 = Summary.of(single);
			Summary s2 = Summary.of(double_);
			System.out.printf(Locale.ROOT, "  %-40s %14s %14s%n", "", "1 instance", "2 instances");
			System.out.printf(Locale.ROOT, "  %-40s %,14.0f %,14.0f%n", "exports/s (median round)", s1.rate(),
					s2.rate());
			System.out.printf(Locale.ROOT, "  %-40s %14.1f %14.1f%n", "p50 ms", s1.all().percentile(50),
					s2.all().percentile(50));
			System.out.printf(Locale.ROOT, "  %-40s %14.1f %14.1f%n", "p99 ms", s1.all().percentile(99),
					s2.all().percentile(99));
			System.out.printf(Locale.ROOT, "  %-40s %,14d %,14d%n", "non-2xx", s1.all().failures(),
					s2.all().failures());
			System.out.printf(Locale.ROOT, "  %-40s %14.3f %14.3f%n", "app CPU ms per export (all instances)",
					s1.appCpuMillisPerExport(), s2.appCpuMillisPerExport());
			System.out.printf(Locale.ROOT, "  %-40s %14.3f %14.3f%n", "load generator CPU ms per export",
					s1.all().clientCpuMillisPerItem(), s2.all().clientCpuMillisPerItem());
			HttpResponse<String> summary = admin.get(OtlpLoad.SUMMARY);
			assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
			long stored = JSON.readTree(summary.body()).get("totals").get("input_tokens").asLong();
			System.out.printf(Locale.ROOT, "  stored = answered: %s (input tokens stored %,d, answered %,d)%n",
					stored == load.answeredInput(), stored, load.answeredInput());
			System.out.printf(Locale.ROOT, "  load average %.2f on %d cores%n%n",
					java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
					Runtime.getRuntime().availableProcessors());
			assertThat(stored).isEqualTo(load.answeredInput());
			assertThat(s1.all().failures() + s2.all().failures()).isZero();
		}
		finally {
			for (AppProcess instance : instances) {
				instance.stop();
			}
			try (Connection connection = DriverManager.getConnection(serverUrl, user, "");
					Statement statement = connection.createStatement()) {
				statement.execute("drop database if exists " + database + " with (force)");
			}
		}
	}

	private Measured run(OtlpLoad load, List<OtlpLoad.Target> targets, List<AppProcess> instances, int secondsToRun)
			throws Exception {
		long cpu = instances.stream().mapToLong(AppProcess::cpuNanos).sum();
		Round round = load.run(targets, this.format, this.clients, System.nanoTime() + secondsToRun * 1_000_000_000L, 0,
				null);
		return new Measured(round, instances.stream().mapToLong(AppProcess::cpuNanos).sum() - cpu);
	}

	private static OtlpLoad.Target target(AppProcess instance, String key) {
		return new OtlpLoad.Target(instance.baseUrl() + "/otlp/v1/metrics", key, true);
	}

	private static void recreate(String serverUrl, String user, String database) throws Exception {
		try (Connection connection = DriverManager.getConnection(serverUrl, user, "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + database + " with (force)");
			statement.execute("create database " + database);
		}
	}

	/** A round and the CPU time the app processes used meanwhile. */
	private record Measured(Round round, long appCpuNanos) {

	}

	/** The rounds of one side together. */
	private record Summary(double rate, Round all, double appCpuMillisPerExport) {

		static Summary of(List<Measured> rounds) {
			List<Double> rates = rounds.stream()
				.map((m) -> m.round().rate())
				.sorted(Comparator.naturalOrder())
				.toList();
			Round all = Round.merge(rounds.stream().map(Measured::round).toList());
			long cpu = rounds.stream().mapToLong(Measured::appCpuNanos).sum();
			return new Summary(rates.get(rates.size() / 2), all, (all.items() == 0) ? 0 : cpu / 1e6 / all.items());
		}

	}

}
