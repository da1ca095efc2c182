package dev.legends.scoring;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import dev.legends.testkit.RunningApp;
import dev.legends.testkit.SlackTestClient;
import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;
import dev.legends.usage.UsageLedger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast boards answer at scale: {@code /legends top} acks at 16 concurrent signed
 * requests against a bare Bolt handler (the floor), heap for that data set, and a cold
 * quarter board over a large usage table. Sizes are system properties; it prints its
 * figures. Run with {@code mvn -Pbenchmark test -Dtest=ScoringBenchmark}.
 */
@Tag("benchmark")
class ScoringBenchmark {

	static final int MEMBERS = Integer.getInteger("bench.members", 2_000);

	static final int USAGE_ROWS = Integer.getInteger("bench.usageRows", 1_000_000);

	static final int OUTCOMES = Integer.getInteger("bench.outcomes", 20_000);

	private static final int REQUESTS = Integer.getInteger("bench.requests", 1_600);

	private static final int THREADS = Integer.getInteger("bench.threads", 16);

	private static final int BIG_MEMBERS = Integer.getInteger("bench.bigMembers", 10_000);

	private static final int BIG_USAGE_ROWS = Integer.getInteger("bench.bigUsageRows", 1_000_000);

	private static final String[] MODELS = { "claude-sonnet-4-5", "claude-opus-4-5", "gpt-5", "claude-haiku-4-5" };

	/**
	 * {@code acks} (the first data set: acks and heap, meant for {@code -Xmx384m}),
	 * {@code board} (the big quarter board) or {@code all}.
	 */
	private static final String PART = System.getProperty("bench.part", "all");

	@Test
	void boardsAtScale() throws Exception {
		Path dir = Files.createTempDirectory("legends-bench");
		try (RunningApp app = RunningApp.start(Map.of("LEGENDS_DB_URL", "jdbc:h2:file:" + dir.resolve("bench"),
				"legends.benchmark.floor", "true", "logging.level.root", "warn"))) {
			DataSource dataSource = app.bean(DataSource.class);
			SlackTestClient slack = app.slack().inNewTeam();
			Instant now = Instant.now();
			Period quarter = Period.current(Period.Kind.QUARTER, now, ZoneOffset.UTC);
			if (!PART.equals("board")) {
				acksAndHeap(app, dataSource, slack, quarter, now);
			}
			if (!PART.equals("acks")) {
				quarterBoard(app, dataSource, quarter, now);
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(dir);
		}
	}

	private static void acksAndHeap(RunningApp app, DataSource dataSource, SlackTestClient slack, Period quarter,
			Instant now) throws Exception {
		long started = System.nanoTime();
		long workspace = seed(dataSource, app.bean(UsageLedger.class), slack.teamId(), "U", MEMBERS, USAGE_ROWS,
				OUTCOMES, quarter, now);
		System.out.printf("seeded %,d members, %,d usage rows, %,d outcomes in %.1f s%n", MEMBERS, USAGE_ROWS, OUTCOMES,
				seconds(started));
		resetPeaks();
		List<Long> floor = hammer(slack, "floor", (i) -> floorBody(slack, "U" + (i % MEMBERS)));
		List<Long> top = hammer(slack, "top",
				(i) -> slack.commandBody("U" + (i % MEMBERS), (i % 3 == 0) ? "top efficiency" : "top", "C0BENCH"));
		print("bare Bolt ack (floor)", floor);
		print("/legends top ack", top);
		System.out.printf("heap: peak used %.0f MB (max %.0f MB)%n", peakHeapMb(),
				Runtime.getRuntime().maxMemory() / 1048576.0);
		assertThat(workspace).isPositive();
	}

	private static void quarterBoard(RunningApp app, DataSource dataSource, Period quarter, Instant now)
			throws Exception {
		Scoring scoring = app.bean(Scoring.class);
		long started = System.nanoTime();
		long big = seed(dataSource, app.bean(UsageLedger.class), "TBENCHBIG" + now.toEpochMilli(), "B", BIG_MEMBERS,
				BIG_USAGE_ROWS, 0, quarter, now);
		System.out.printf("seeded %,d members, %,d usage rows in %.1f s%n", BIG_MEMBERS, BIG_USAGE_ROWS,
				seconds(started));
		// The first boards after start also pay for JIT compilation of the code path;
		// they are printed apart. "Cold" means nothing cached: every board below is
		// computed from the database.
		List<Long> first = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			scoring.refresh();
			long t = System.nanoTime();
			scoring.board(big, quarter, BoardKind.USAGE, null);
			first.add(System.nanoTime() - t);
		}
		List<Long> cold = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			scoring.refresh();
			long t = System.nanoTime();
			Board board = scoring.board(big, quarter, BoardKind.USAGE, null);
			cold.add(System.nanoTime() - t);
			assertThat(board.rankedCount()).isPositive();
		}
		List<Long> warm = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			long t = System.nanoTime();
			scoring.board(big, quarter, BoardKind.values()[i % 3], null);
			warm.add(System.nanoTime() - t);
		}
		String size = String.format("%,d", BIG_USAGE_ROWS) + " rows, " + String.format("%,d", BIG_MEMBERS) + " members";
		print("quarter board, first 5 after start (" + size + ")", first);
		print("quarter board, cold (" + size + ")", cold);
		print("quarter board, cached", warm);
	}

	private static List<Long> hammer(SlackTestClient slack, String name, java.util.function.IntFunction<String> body)
			throws Exception {
		for (int i = 0; i < 100; i++) {
			assertThat(slack.send(body.apply(i)).statusCode()).isEqualTo(200);
		}
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<Long>> futures = new ArrayList<>();
			for (int i = 0; i < REQUESTS; i++) {
				int n = i;
				futures.add(pool.submit(() -> {
					String form = body.apply(n);
					long t = System.nanoTime();
					HttpResponse<String> response = slack.send(form);
					long took = System.nanoTime() - t;
					if (response.statusCode() != 200) {
						throw new IllegalStateException(name + " answered " + response.statusCode());
					}
					return took;
				}));
			}
			List<Long> times = new ArrayList<>();
			for (Future<Long> future : futures) {
				times.add(future.get());
			}
			return times;
		}
		finally {
			pool.shutdown();
		}
	}

	private static String floorBody(SlackTestClient slack, String userId) {
		return slack.commandBody(userId, "", "C0BENCH").replace("command=%2Flegends&", "command=%2Flegends-floor&");
	}

	static long seed(DataSource dataSource, UsageLedger ledger, String teamId, String prefix, int members,
			int usageRows, int outcomes, Period quarter, Instant now) throws Exception {
		Random random = new Random(42);
		OffsetDateTime stamp = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			long workspace;
			try (PreparedStatement ws = c.prepareStatement(
					"insert into workspace (slack_team_id, name, active, created_at) values (?, 'Bench', true, ?)",
					Statement.RETURN_GENERATED_KEYS)) {
				ws.setString(1, teamId);
				ws.setObject(2, stamp);
				ws.executeUpdate();
				ResultSet keys = ws.getGeneratedKeys();
				keys.next();
				workspace = keys.getLong(1);
			}
			long[] memberIds = new long[members];
			try (PreparedStatement m = c.prepareStatement("insert into member (workspace_id, slack_user_id, "
					+ "display_name, email, time_zone, slack_admin, opted_out, on_vacation, refreshed_at) "
					+ "values (?, ?, ?, ?, 'UTC', false, ?, false, ?)", Statement.RETURN_GENERATED_KEYS)) {
				for (int i = 0; i < members; i++) {
					m.setLong(1, workspace);
					m.setString(2, prefix + i);
					m.setString(3, "Person " + prefix + i);
					m.setString(4, prefix.toLowerCase() + i + "@bench.example");
					m.setBoolean(5, i % 50 == 0);
					m.setObject(6, stamp);
					m.addBatch();
				}
				m.executeBatch();
				ResultSet keys = m.getGeneratedKeys();
				for (int i = 0; keys.next(); i++) {
					memberIds[i] = keys.getLong(1);
				}
			}
			seedOutcomes(c, workspace, memberIds, outcomes, quarter, now, random);
			c.commit();
			seedUsage(ledger, workspace, prefix, members, usageRows, quarter, now, random);
			return workspace;
		}
	}

	/**
	 * Usage through the ledger, as ingest stores it (records, hourly and period rollups),
	 * in batches of 10,000 records: a few heavy users, most light.
	 */
	private static void seedUsage(UsageLedger ledger, long workspace, String prefix, int members, int usageRows,
			Period quarter, Instant now, Random random) {
		int[] rows = new int[members];
		for (int i = 0; i < usageRows; i++) {
			rows[(random.nextInt(10) == 0) ? random.nextInt(Math.max(1, members / 100)) : random.nextInt(members)]++;
		}
		long start = quarter.toWindow().start().getEpochSecond();
		long span = Math.max(3600, now.getEpochSecond() - start);
		List<UsageInput> batch = new ArrayList<>();
		for (int who = 0; who < members; who++) {
			UsageIdentity identity = UsageIdentity.slackId(prefix + who);
			for (int n = 0; n < rows[who]; n++) {
				Instant at = Instant.ofEpochSecond(start + (long) (random.nextDouble() * span))
					.truncatedTo(ChronoUnit.MINUTES);
				batch.add(new UsageInput(who + "-" + n, identity, "bench", MODELS[random.nextInt(MODELS.length)], at,
						at.plusSeconds(59), random.nextInt(5_000), random.nextInt(2_000), random.nextInt(40_000),
						random.nextInt(2_000), 0, 1 + random.nextInt(3), null));
				if (batch.size() == 10_000) {
					ledger.ingest(workspace, batch);
					batch.clear();
				}
			}
		}
		if (!batch.isEmpty()) {
			ledger.ingest(workspace, batch);
		}
	}

	private static void seedOutcomes(Connection c, long workspace, long[] memberIds, int outcomes, Period quarter,
			Instant now, Random random) throws Exception {
		if (outcomes == 0) {
			return;
		}
		try (ResultSet tables = c.getMetaData().getTables(null, null, "OUTCOME", null)) {
			if (!tables.next()) {
				System.out.println("outcome table absent: outcomes not seeded");
				return;
			}
		}
		String[] kinds = { "PR_MERGED", "BUG_FIXED", "DOC", "INCIDENT_RESOLVED" };
		String[] sizes = { "S", "M", "L" };
		long start = quarter.toWindow().start().getEpochSecond();
		long span = Math.max(3600, now.getEpochSecond() - start);
		try (PreparedStatement o = c.prepareStatement("insert into outcome (workspace_id, reporter_id, kind, title, "
				+ "link, active_link, size, outcome_date, occurred_at, status, decided_by, decided_at, reported_at, "
				+ "updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			for (int i = 0; i < outcomes; i++) {
				int who = random.nextInt(memberIds.length);
				Instant at = Instant.ofEpochSecond(start + (long) (random.nextDouble() * span));
				OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
				boolean confirmed = random.nextInt(3) > 0;
				o.setLong(1, workspace);
				o.setLong(2, memberIds[who]);
				o.setString(3, kinds[random.nextInt(kinds.length)]);
				o.setString(4, "Outcome " + i);
				// every link once, active: as reports take their link's slot (V22)
				String link = "https://git.example/pr/" + workspace + "/" + i;
				o.setString(5, link);
				o.setString(6, link);
				o.setString(7, sizes[random.nextInt(sizes.length)]);
				o.setObject(8, when.toLocalDate());
				o.setObject(9, when);
				o.setString(10, confirmed ? "CONFIRMED" : "REPORTED");
				o.setObject(11, confirmed ? memberIds[(who + 1) % memberIds.length] : null);
				o.setObject(12, confirmed ? when : null);
				o.setObject(13, when);
				o.setObject(14, when);
				o.addBatch();
			}
			o.executeBatch();
		}
	}

	private static void print(String what, List<Long> nanos) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		System.out.printf("%-60s n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms%n", what, sorted.size(),
				ms(sorted.get(sorted.size() / 2)), ms(sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1)),
				ms(sorted.get(sorted.size() - 1)));
	}

	private static void resetPeaks() {
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static double peakHeapMb() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.mapToLong((pool) -> pool.getPeakUsage().getUsed())
			.sum() / 1048576.0;
	}

	private static double ms(long nanos) {
		return nanos / 1e6;
	}

	private static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}

}
