package dev.legends.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.sun.management.OperatingSystemMXBean;

import dev.legends.testkit.IngestClient;
import dev.legends.testkit.HeapWatch;
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
 * database, run by a JVM of its own ({@link RawJdbcProcess}). Both sides are warmed up
 * before either is timed; then they take turns, one timed round of records of their own
 * each, so that both meet the same state of the machine; the median rounds are compared
 * (on two cores a round moves with what the JIT compiler does meanwhile, and on a shared
 * virtual machine with its neighbours). Prints every round's rates and ratio, the medians
 * and their ratio, and the CPU time per record by thread (requests, background rollups,
 * H2's writer, the JIT and GC).
 *
 * <pre>
 * mvn -Pbenchmark test -Dtest=IngestBenchmark        # 7 rounds of 200,000 records a side, after 1,500,000 warm-up
 * mvn -Pbenchmark test -Dtest=IngestBenchmark -Drecords=1000000 -Drounds=1 -Dbaseline=false -DargLine=-Xmx512m
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
	 * Warm-up rounds of {@link #ROUND} records, on both sides alike: 1,500,000 records,
	 * as a server that has been ingesting for a while (on two cores the JIT compiler
	 * keeps compiling the application's code for the first million records or so: still
	 * 0.8-2.1 s per 3 s round after 200,000 to 500,000 warm-up records, 0.24-0.9 s after
	 * 1,500,000).
	 */
	private static final int WARM_UP_ROUNDS = Integer.getInteger("warmupRounds", 30);

	/** The settings the raw side's JVM needs, as its system properties. */
	static final List<String> SETTINGS = List.of("-Dseconds=" + SECONDS_APART, "-DwarmupRounds=" + WARM_UP_ROUNDS);

	/** Timed rounds per side ({@code -Drounds=1} for one). */
	private static final int ROUNDS = Integer.getInteger("rounds", 7);

	/** Records per warm-up round. */
	private static final int ROUND = 50_000;

	private static final Instant BASE = Instant.parse("2026-01-05T00:00:00Z");

	/**
	 * The pause before each timed round: longer than H2's write delay (1 s), so that
	 * neither side's database writer is still saving the other's round.
	 */
	private static final long PAUSE_MILLIS = 1500;

	@Test
	void ingestWhenRecordsSentInBatchesPrintsRatesAgainstRawJdbc() throws Exception {
		int records = Integer.getInteger("records", 200_000);
		boolean baseline = Boolean.parseBoolean(System.getProperty("baseline", "true"));
		Path dir = Files.createTempDirectory("legends-ingest-benchmark");
		try (RawJdbcProcess raw = baseline ? RawJdbcProcess.start(dir.resolve("raw"), records) : null;
				HeapWatch heap = HeapWatch.start()) {
			List<Timing> apiRounds = new ArrayList<>();
			List<Timing> rawRounds = new ArrayList<>();
			runRounds(dir.resolve("app"), records, raw, apiRounds, rawRounds);
			System.out.printf(Locale.ROOT,
					"%nIngest benchmark: %,d records per round, %d rounds, after %,d warm-up records; "
							+ "H2 file databases in %s%n",
					records, ROUNDS, WARM_UP_ROUNDS * ROUND, dir);
			for (int round = 0; round < ROUNDS; round++) {
				System.out.printf(Locale.ROOT, "  round %d: API %,.0f records/s%s%n", round + 1,
						apiRounds.get(round).rate(),
						rawRounds.isEmpty() ? ""
								: String.format(Locale.ROOT, ", raw JDBC %,.0f records/s, ratio %.2f",
										rawRounds.get(round).rate(),
										apiRounds.get(round).rate() / rawRounds.get(round).rate()));
			}
			Timing api = median(apiRounds);
			System.out.printf(Locale.ROOT,
					"  batch API (HTTP, %,d per batch), median round: %,.0f records/s  (%.1f µs CPU per record)%n",
					BATCH, api.rate(), api.cpuMicrosPerRecord());
			System.out.printf(Locale.ROOT, "    µs CPU per record by thread: %s%n", api.cpuByThread());
			if (!rawRounds.isEmpty()) {
				Timing rawTiming = median(rawRounds);
				System.out.printf(Locale.ROOT,
						"  raw JDBC batch insert, median round:          %,.0f records/s  (%.1f µs CPU per record)%n",
						rawTiming.rate(), rawTiming.cpuMicrosPerRecord());
				System.out.printf(Locale.ROOT, "    µs CPU per record by thread: %s%n", rawTiming.cpuByThread());
				System.out.printf(Locale.ROOT,
						"  ratio API / raw JDBC:                         %.2f  (by CPU time: %.2f; "
								+ "median of the rounds' own ratios: %.2f)%n",
						api.rate() / rawTiming.rate(), rawTiming.cpuMicrosPerRecord() / api.cpuMicrosPerRecord(),
						medianRatio(apiRounds, rawRounds));
			}
			System.out.printf(Locale.ROOT, "  load average %.2f on %d cores%n",
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
					Runtime.getRuntime().availableProcessors());
			System.out.printf(Locale.ROOT, "  %s%n%n", heap.summary());
		}
		finally {
			delete(dir);
		}
	}

	/**
	 * Warm both sides up, the raw one first and alone (in its own JVM, so that the JIT
	 * compiles H2's insert path for it alone, as in a program that does nothing else),
	 * then time their rounds one after the other: round by round, each side meets the
	 * same state of the machine (on a shared virtual machine, its speed drifts by a
	 * factor of two within minutes).
	 */
	private void runRounds(Path dir, int records, RawJdbcProcess raw, List<Timing> apiRounds, List<Timing> rawRounds)
			throws Exception {
		if (raw != null) {
			raw.warmUp();
		}
		try (RunningApp app = RunningApp
			.start(Map.of("LEGENDS_DB_URL", "jdbc:h2:file:" + dir.toAbsolutePath() + "/legends;DB_CLOSE_ON_EXIT=FALSE",
					"LOGGING_LEVEL_ROOT", "warn"))) {
			IngestClient client = IngestClient.withNewKey(app.slack(), "benchmark");
			JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
			// The warm-up's first round also meets every identity once (the first sight
			// of an email asks Slack).
			warmUp((from, to) -> assertThat(post(client, from, to).statusCode()).isEqualTo(200),
					() -> awaitRollups(jdbc));
			for (int round = 0; round < ROUNDS; round++) {
				// Sides take turns going first; each starts after a pause in which the
				// other's database writer has saved what it had.
				if (raw != null && round % 2 == 1) {
					rawRounds.add(raw.round(round * records));
				}
				Thread.sleep(PAUSE_MILLIS);
				apiRounds.add(api(client, jdbc, round * records, records));
				if (raw != null && round % 2 == 0) {
					rawRounds.add(raw.round(round * records));
				}
			}
		}
	}

	/**
	 * The raw side's rounds, run by {@link RawJdbcProcess} in a JVM of its own.
	 * @param dir where its database goes
	 * @param records records per timed round
	 * @param commands what to do, one per line: {@code warmup}, or {@code round FIRST}
	 * @param answers where it writes a line per command (a round's {@link Timing})
	 */
	static void rawSide(Path dir, int records, BufferedReader commands, PrintStream answers) throws Exception {
		try (Connection raw = rawDatabase(dir)) {
			String command;
			while ((command = commands.readLine()) != null) {
				if (command.equals("warmup")) {
					warmUp((from, to) -> {
						insert(raw, rows(from, to));
						raw.commit();
					}, () -> {
					});
					answers.println(RawJdbcProcess.ANSWER + "warm");
				}
				else {
					Thread.sleep(PAUSE_MILLIS);
					Timing timing = rawJdbc(raw, Integer.parseInt(command.substring("round ".length())), records);
					answers.println(RawJdbcProcess.ANSWER + timing.serialize());
				}
			}
		}
	}

	private static double medianRatio(List<Timing> apiRounds, List<Timing> rawRounds) {
		List<Double> ratios = new ArrayList<>();
		for (int round = 0; round < apiRounds.size(); round++) {
			ratios.add(apiRounds.get(round).rate() / rawRounds.get(round).rate());
		}
		return middle(ratios, Comparator.naturalOrder());
	}

	private static HttpResponse<String> post(IngestClient client, int from, int to) {
		return client.post("/api/v1/usage", "application/json", batch(from, to));
	}

	private static Timing median(List<Timing> rounds) {
		return middle(rounds, Comparator.comparingDouble(Timing::rate));
	}

	/** The median of an odd number of values (the upper one of an even number). */
	private static <T> T middle(List<T> values, Comparator<? super T> order) {
		List<T> sorted = new ArrayList<>(values);
		sorted.sort(order);
		return sorted.get(sorted.size() / 2);
	}

	private Timing api(IngestClient client, JdbcTemplate jdbc, int first, int records) {
		Timing timing = new Timing(records);
		long accepted = 0;
		for (int from = first; from < first + records; from += BATCH) {
			byte[] body = batch(from, Math.min(first + records, from + BATCH));
			timing.start();
			HttpResponse<String> response = client.post("/api/v1/usage", "application/json", body);
			timing.stop();
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			accepted += Long.parseLong(response.body().replaceAll(".*\"accepted\":(\\d+).*", "$1"));
		}
		assertThat(accepted).isEqualTo(records);
		// Batches are added to the rollups in the background after they commit: the time
		// until the last one is in them counts as ingest time too.
		timing.start();
		awaitRollups(jdbc);
		timing.stop();
		return timing;
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

	/**
	 * Warm-up in rounds of {@link #ROUND} records (indexes below 0, so never the timed
	 * ones), each followed by a pause until the JIT compiler is idle: on two cores it
	 * falls behind while ingest keeps both busy.
	 */
	private static void warmUp(Sender sender, Runnable settle) throws Exception {
		for (int round = WARM_UP_ROUNDS; round > 0; round--) {
			int first = -round * ROUND;
			for (int from = first; from < first + ROUND; from += BATCH) {
				sender.send(from, from + BATCH);
			}
			settle.run();
			awaitQuietCompiler();
		}
	}

	@FunctionalInterface
	private interface Sender {

		void send(int from, int to) throws Exception;

	}

	/**
	 * Wait until the JIT compiler has had a second with nothing to compile (at most 60
	 * s).
	 */
	private static void awaitQuietCompiler() throws InterruptedException {
		CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		long before = compiler.getTotalCompilationTime();
		do {
			Thread.sleep(1000);
			long now = compiler.getTotalCompilationTime();
			if (now - before < 20) {
				return;
			}
			before = now;
		}
		while (System.nanoTime() < deadline);
	}

	/**
	 * The raw side's database: another H2 file database with the application's schema.
	 */
	private static Connection rawDatabase(Path dir) throws SQLException {
		String url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/raw;DB_CLOSE_ON_EXIT=FALSE";
		Flyway.configure()
			.dataSource(url, "sa", "")
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load()
			.migrate();
		Connection connection = DriverManager.getConnection(url, "sa", "");
		connection.setAutoCommit(false);
		return connection;
	}

	private static Timing rawJdbc(Connection connection, int first, int records) throws SQLException {
		Timing timing = new Timing(records);
		for (int from = first; from < first + records; from += BATCH) {
			Row[] rows = rows(from, Math.min(first + records, from + BATCH));
			timing.start();
			insert(connection, rows);
			connection.commit();
			timing.stop();
		}
		return timing;
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

	static void delete(Path dir) throws IOException {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

	/**
	 * Wall-clock time of the timed sections, and the CPU time this JVM spent in them (all
	 * its threads: request, client, database, GC), which other processes' load on the
	 * machine changes much less than wall-clock time.
	 */
	static final class Timing {

		private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

		private final int records;

		private long nanos;

		private long cpuNanos;

		private long startNanos;

		private long startCpuNanos;

		private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

		private final Map<String, Long> byThread = new HashMap<>();

		private Map<Long, Long> startThreadNanos = Map.of();

		private long startJitMillis;

		private long jitMillis;

		private long startGcMillis;

		private long gcMillis;

		Timing(int records) {
			this.records = records;
		}

		void start() {
			this.startNanos = System.nanoTime();
			this.startCpuNanos = this.os.getProcessCpuTime();
			this.startThreadNanos = threadCpuNanos();
			this.startJitMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
			this.startGcMillis = gcMillis();
		}

		void stop() {
			this.nanos += System.nanoTime() - this.startNanos;
			this.cpuNanos += this.os.getProcessCpuTime() - this.startCpuNanos;
			this.jitMillis += ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - this.startJitMillis;
			this.gcMillis += gcMillis() - this.startGcMillis;
			threadCpuNanos().forEach((id, cpu) -> {
				Long started = this.startThreadNanos.get(id);
				if (started != null && this.threads.getThreadInfo(id) != null) {
					this.byThread.merge(group(this.threads.getThreadInfo(id).getThreadName()), cpu - started,
							Long::sum);
				}
			});
		}

		/**
		 * Where the CPU time went, per record: each kind of thread of this JVM, and the
		 * JVM's own (JIT compiler and garbage collector) as the rest.
		 */
		String cpuByThread() {
			long threadsTotal = this.byThread.values().stream().mapToLong(Long::longValue).sum();
			StringBuilder text = new StringBuilder();
			this.byThread.entrySet()
				.stream()
				.filter((entry) -> entry.getValue() * 100 >= this.cpuNanos)
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.forEach((entry) -> text.append(String.format(Locale.ROOT, "%s %.1f, ", entry.getKey(),
						entry.getValue() / 1e3 / this.records)));
			return text.append(String.format(Locale.ROOT, "JIT and GC %.1f (JIT compiling %,d ms, GC %,d ms)",
					(this.cpuNanos - threadsTotal) / 1e3 / this.records, this.jitMillis, this.gcMillis))
				.toString();
		}

		private static long gcMillis() {
			return ManagementFactory.getGarbageCollectorMXBeans()
				.stream()
				.mapToLong(GarbageCollectorMXBean::getCollectionTime)
				.sum();
		}

		private Map<Long, Long> threadCpuNanos() {
			Map<Long, Long> cpu = new HashMap<>();
			for (long id : this.threads.getAllThreadIds()) {
				long nanos = this.threads.getThreadCpuTime(id);
				if (nanos >= 0) {
					cpu.put(id, nanos);
				}
			}
			return cpu;
		}

		private static String group(String threadName) {
			if (threadName.startsWith("http-nio")) {
				return "requests";
			}
			if (threadName.startsWith("legends-rollups")) {
				return "rollups";
			}
			if (threadName.startsWith("H2") || threadName.startsWith("MVStore")) {
				return "H2 writer";
			}
			if (threadName.equals("main")) {
				return "client";
			}
			return threadName.replaceAll("\\d+", "N");
		}

		/** The timing as one line, for {@link #parse}. */
		String serialize() {
			StringBuilder line = new StringBuilder().append(this.records)
				.append(' ')
				.append(this.nanos)
				.append(' ')
				.append(this.cpuNanos)
				.append(' ')
				.append(this.jitMillis)
				.append(' ')
				.append(this.gcMillis);
			this.byThread
				.forEach((group, cpu) -> line.append(' ').append(group.replace(' ', '_')).append('=').append(cpu));
			return line.toString();
		}

		static Timing parse(String line) {
			String[] parts = line.split(" ");
			Timing timing = new Timing(Integer.parseInt(parts[0]));
			timing.nanos = Long.parseLong(parts[1]);
			timing.cpuNanos = Long.parseLong(parts[2]);
			timing.jitMillis = Long.parseLong(parts[3]);
			timing.gcMillis = Long.parseLong(parts[4]);
			for (int i = 5; i < parts.length; i++) {
				String[] entry = parts[i].split("=");
				timing.byThread.put(entry[0].replace('_', ' '), Long.parseLong(entry[1]));
			}
			return timing;
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
