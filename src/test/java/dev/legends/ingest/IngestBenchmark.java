package dev.legends.ingest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.sun.management.OperatingSystemMXBean;

import dev.legends.testkit.IngestClient;
import dev.legends.testkit.RunningApp;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest throughput: N records through {@code POST /api/v1/usage} (HTTP, batches of
 * 10,000, a key made with a signed {@code /legends key create}) into an H2 file database,
 * against a raw JDBC batch insert of the same rows into the same table of another H2 file
 * database. Prints both rates and their ratio, and beside them the CPU time this JVM
 * spent per record in each (on a machine shared with other work, wall-clock rates move
 * with the load; CPU time much less).
 *
 * <pre>
 * mvn -Pbenchmark test -Dtest=IngestBenchmark                       # 200,000 records (after 50,000 warm-up)
 * mvn -Pbenchmark test -Dtest=IngestBenchmark -Drecords=1000000 -Dbaseline=false -DargLine=-Xmx512m
 * </pre>
 */
@Tag("benchmark")
class IngestBenchmark {

	private static final int BATCH = 10_000;

	private static final int PEOPLE = 200;

	private static final String[] MODELS = { "claude-sonnet-4-5", "claude-opus-4-5", "gpt-4.1", "gemini-2.5-pro" };

	/**
	 * Records are request-level logs one second apart (3,600 an hour over 200 people and
	 * 4 models: about 4.5 records per hourly rollup row); {@code -Dseconds=3600} makes
	 * hourly records instead, where every record is a rollup row of its own.
	 */
	private static final long SECONDS_APART = Long.getLong("seconds", 1);

	/**
	 * Records sent (and rows inserted) before timing starts, on both sides alike, so that
	 * both are timed with their code compiled: {@code -Dwarmup=1000} for a short one.
	 */
	private static final int WARM_UP = Math.max(PEOPLE, Integer.getInteger("warmup", 50_000));

	private static final Instant BASE = Instant.parse("2026-01-05T00:00:00Z");

	@Test
	void ingestWhenRecordsSentInBatchesPrintsRatesAgainstRawJdbc() throws Exception {
		int records = Integer.getInteger("records", 200_000);
		boolean baseline = Boolean.parseBoolean(System.getProperty("baseline", "true"));
		Path dir = Files.createTempDirectory("legends-ingest-benchmark");
		try {
			Timing api = api(dir.resolve("app"), records);
			System.out.printf(Locale.ROOT, "%nIngest benchmark: %,d records, H2 file databases in %s%n", records, dir);
			System.out.printf(Locale.ROOT,
					"  batch API (HTTP, %,d per batch): %,.0f records/s  (%.1f µs CPU per record)%n", BATCH, api.rate(),
					api.cpuMicrosPerRecord());
			if (baseline) {
				Timing raw = rawJdbc(dir.resolve("raw"), records);
				System.out.printf(Locale.ROOT,
						"  raw JDBC batch insert:          %,.0f records/s  (%.1f µs CPU per record)%n", raw.rate(),
						raw.cpuMicrosPerRecord());
				System.out.printf(Locale.ROOT, "  ratio API / raw JDBC:           %.2f  (by CPU time: %.2f)%n",
						api.rate() / raw.rate(), raw.cpuMicrosPerRecord() / api.cpuMicrosPerRecord());
			}
			System.out.printf(Locale.ROOT, "  load average %.2f on %d cores%n",
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
					Runtime.getRuntime().availableProcessors());
			System.out.printf(Locale.ROOT, "  max heap %,d MB, peak heap used %,d MB%n%n",
					Runtime.getRuntime().maxMemory() / (1024 * 1024), peakHeapMegabytes());
		}
		finally {
			delete(dir);
		}
	}

	private Timing api(Path dir, int records) {
		Map<String, String> env = Map.of("LEGENDS_DB_URL",
				"jdbc:h2:file:" + dir.toAbsolutePath() + "/legends;DB_CLOSE_ON_EXIT=FALSE", "LOGGING_LEVEL_ROOT",
				"warn");
		try (RunningApp app = RunningApp.start(env)) {
			IngestClient client = IngestClient.withNewKey(app.slack(), "benchmark");
			// Warm-up, not timed: every identity once (the first sight of an email asks
			// Slack), and the JIT.
			for (int from = -WARM_UP; from < 0; from += BATCH) {
				assertThat(client.post("/api/v1/usage", "application/json", batch(from, Math.min(0, from + BATCH)))
					.statusCode()).isEqualTo(200);
			}
			JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
			awaitRollups(jdbc);
			Timing timing = new Timing(records);
			long accepted = 0;
			for (int from = 0; from < records; from += BATCH) {
				byte[] body = batch(from, Math.min(records, from + BATCH));
				timing.start();
				HttpResponse<String> response = client.post("/api/v1/usage", "application/json", body);
				timing.stop();
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				accepted += Long.parseLong(response.body().replaceAll(".*\"accepted\":(\\d+).*", "$1"));
			}
			assertThat(accepted).isEqualTo(records);
			// Batches are added to the rollups in the background after they commit: the
			// time until the last one is in them counts as ingest time too.
			timing.start();
			awaitRollups(jdbc);
			timing.stop();
			return timing;
		}
	}

	private static void awaitRollups(JdbcTemplate jdbc) {
		try {
			while (jdbc.queryForObject("select count(*) from usage_rollup_pending", Long.class) > 0) {
				Thread.sleep(1);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Timing rawJdbc(Path dir, int records) throws SQLException {
		String url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/raw;DB_CLOSE_ON_EXIT=FALSE";
		Flyway.configure()
			.dataSource(url, "sa", "")
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load()
			.migrate();
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			connection.setAutoCommit(false);
			// The same warm-up rows, not timed.
			for (int from = -WARM_UP; from < 0; from += BATCH) {
				insert(connection, rows(from, Math.min(0, from + BATCH)));
				connection.commit();
			}
			Timing timing = new Timing(records);
			for (int from = 0; from < records; from += BATCH) {
				Row[] rows = rows(from, Math.min(records, from + BATCH));
				timing.start();
				insert(connection, rows);
				connection.commit();
				timing.stop();
			}
			return timing;
		}
	}

	private static void insert(Connection connection, Row[] rows) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("insert into usage_record (workspace_id, "
				+ "identity_id, source, dedupe_key, model, start_at, end_at, input_tokens, output_tokens, "
				+ "cache_read_tokens, cache_creation_tokens, reasoning_tokens, requests, cost_usd) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			int pending = 0;
			for (Row row : rows) {
				statement.setLong(1, 1);
				statement.setLong(2, row.person() + 1);
				statement.setString(3, "benchmark");
				statement.setString(4, row.id());
				statement.setString(5, row.model());
				statement.setObject(6, row.start().atOffset(ZoneOffset.UTC));
				statement.setObject(7, row.start().plusSeconds(1).atOffset(ZoneOffset.UTC));
				statement.setLong(8, row.input());
				statement.setLong(9, row.output());
				statement.setLong(10, row.cacheRead());
				statement.setLong(11, 0);
				statement.setLong(12, 0);
				statement.setLong(13, row.requests());
				statement.setBigDecimal(14, row.cost());
				statement.addBatch();
				if (++pending == 1000) {
					statement.executeBatch();
					pending = 0;
				}
			}
			statement.executeBatch();
		}
	}

	private static Row[] rows(int from, int to) {
		Row[] rows = new Row[to - from];
		for (int i = from; i < to; i++) {
			rows[i - from] = new Row(((i < 0) ? "warm" : "bench-") + i, Math.floorMod(i, PEOPLE),
					MODELS[Math.floorMod(i / PEOPLE, MODELS.length)], BASE.plusSeconds(SECONDS_APART * i),
					1000 + Math.abs(i % 5000), 200 + Math.abs(i % 900), (i % 3 == 0) ? 40_000 : 0, 1 + Math.abs(i % 7),
					new java.math.BigDecimal("0.0" + (1 + Math.abs(i % 9))));
		}
		return rows;
	}

	private static byte[] batch(int from, int to) {
		StringBuilder json = new StringBuilder((to - from) * 380).append("{\"records\":[");
		for (Row row : rows(from, to)) {
			if (json.length() > 12) {
				json.append(',');
			}
			json.append("{\"id\":\"")
				.append(row.id())
				.append("\",\"user\":{\"email\":\"dev")
				.append(row.person())
				.append("@bench.example.com\"},\"source\":\"benchmark\",\"model\":\"")
				.append(row.model())
				.append("\",\"start\":\"")
				.append(row.start())
				.append("\",\"end\":\"")
				.append(row.start().plusSeconds(1))
				.append("\",\"input_tokens\":")
				.append(row.input())
				.append(",\"output_tokens\":")
				.append(row.output())
				.append(",\"cache_read_input_tokens\":")
				.append(row.cacheRead())
				.append(",\"cache_creation_input_tokens\":0,\"reasoning_tokens\":0,\"requests\":")
				.append(row.requests())
				.append(",\"cost_usd\":")
				.append(row.cost())
				.append('}');
		}
		return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
	}

	private static long peakHeapMegabytes() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.mapToLong((MemoryPoolMXBean pool) -> pool.getPeakUsage().getUsed())
			.sum() / (1024 * 1024);
	}

	private static void delete(Path dir) throws IOException {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

	/**
	 * Wall-clock time of the timed sections, and the CPU time this JVM spent in them (all
	 * its threads: request, client, database, GC), which other processes' load on the
	 * machine changes much less than wall-clock time.
	 */
	private static final class Timing {

		private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

		private final int records;

		private long nanos;

		private long cpuNanos;

		private long startNanos;

		private long startCpuNanos;

		Timing(int records) {
			this.records = records;
		}

		void start() {
			this.startNanos = System.nanoTime();
			this.startCpuNanos = this.os.getProcessCpuTime();
		}

		void stop() {
			this.nanos += System.nanoTime() - this.startNanos;
			this.cpuNanos += this.os.getProcessCpuTime() - this.startCpuNanos;
		}

		double rate() {
			return this.records / (this.nanos / 1e9);
		}

		double cpuMicrosPerRecord() {
			return this.cpuNanos / 1e3 / this.records;
		}

	}

	private record Row(String id, int person, String model, Instant start, long input, long output, long cacheRead,
			long requests, java.math.BigDecimal cost) {

	}

}
