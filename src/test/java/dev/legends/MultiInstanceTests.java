package dev.legends;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.legends.digest.DigestSchedules;
import dev.legends.digest.DigestSection;
import dev.legends.digest.ScheduleSettings;
import dev.legends.testkit.AppProcess;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.IngestClient;
import dev.legends.testkit.RunningApp;
import dev.legends.testkit.ScratchPostgres;
import dev.legends.testkit.SlackCall;
import dev.legends.testkit.SlackMessages;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import dev.legends.testkit.ViewState;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances of the app, each in its own JVM, on one PostgreSQL database (its own:
 * the database named by {@code LEGENDS_TEST_POSTGRES_URL} plus {@code _multi}, e.g.
 * {@code legends_ci_multi}, created and dropped here) with the local fake of Slack:
 * digests post exactly once per schedule, also when the instance posting them is killed;
 * an opt-out made on one instance is never listed or shared by another; ingest with new
 * people through every instance at once answers 2xx only and adds up exactly. Runs when
 * {@code LEGENDS_TEST_POSTGRES_URL} is set ({@code .ci/run} sets it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceTests {

	private static ScratchPostgres postgres;

	private static final String SCHEDULER = "legends-multi";

	private static final int SCHEDULES = 50;

	private static final List<AppProcess> instances = new ArrayList<>();

	private static JdbcTemplate jdbc;

	private static List<Long> together;

	private static List<Long> killed;

	@BeforeAll
	static void startThreeInstances() throws Exception {
		postgres = ScratchPostgres.createOrSkip("multi");
		jdbc = new JdbcTemplate(new DriverManagerDataSource(postgres.url(), postgres.user(), ""));
		Map<String, String> environment = Map.of("LEGENDS_DB_URL", postgres.url(), "LEGENDS_DB_USER", postgres.user(),
				"spring.quartz.scheduler-name", SCHEDULER, "legends.digest.misfire-grace", "P8D");
		// the schedules, due in a few days: the test moves their next fire to now
		try (RunningApp setup = RunningApp.start(environment)) {
			Member owner = setup.bean(Members.class).member(FakeSlackApi.TEAM_ID, "UMULTIOWNER");
			DigestSchedules schedules = setup.bean(DigestSchedules.class);
			ZonedDateTime due = Instant.now().plus(Duration.ofDays(3)).atZone(ZoneOffset.UTC);
			together = IntStream.range(0, SCHEDULES)
				.mapToObj((i) -> schedules
					.save(owner.getWorkspaceId(), "CMTOGETHER" + i,
							settings(due.getDayOfWeek(), due.toLocalTime(), owner))
					.getId())
				.toList();
			killed = IntStream.range(0, SCHEDULES)
				.mapToObj((i) -> schedules
					.save(owner.getWorkspaceId(), "CMKILL" + i,
							settings(due.getDayOfWeek(), due.toLocalTime().plusMinutes(1), owner))
					.getId())
				.toList();
		}
		for (int i = 0; i < 3; i++) {
			instances.add(AppProcess.start(environment));
		}
		for (AppProcess instance : instances) {
			instance.awaitStarted(Duration.ofMinutes(10));
		}
	}

	@AfterAll
	static void stopAndDropDatabase() throws Exception {
		for (AppProcess instance : instances) {
			if (instance.isAlive()) {
				int status = instance.stop();
				assertThat(status).as("exit status after SIGTERM").isIn(0, 143);
				assertThat(String.join("\n", instance.output())).doesNotContain("aborting retry")
					.doesNotContain("threw an unhandled");
			}
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	@Order(1)
	void digestsWhenFiftyAreDueInTheSameMinutePostExactlyOnceEach() throws Exception {
		FakeSlackApi fake = FakeSlackApi.shared();
		fireNow(together);
		Map<String, Long> posts = awaitPosts(fake, together, "CMTOGETHER", Duration.ofMinutes(3));
		Thread.sleep(3000);
		posts = posts(fake, "CMTOGETHER");
		assertThat(posts).hasSize(SCHEDULES);
		assertThat(posts.values()).containsOnly(1L);
		assertThat(posted(together)).isEqualTo(SCHEDULES);
	}

	@Test
	@Order(2)
	void digestsWhenTheInstancePostingThemIsKilledStillPostExactlyOnceEach() throws Exception {
		FakeSlackApi fake = FakeSlackApi.shared();
		// a slow Slack (2 s per post), so that the kill lands while most are in flight
		fake.slowPosts(Duration.ofSeconds(2));
		try {
			fireNow(killed);
			long firstDeadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (posts(fake, "CMKILL").isEmpty() && System.nanoTime() < firstDeadline) {
				Thread.sleep(20);
			}
			AppProcess busiest = busiest();
			busiest.kill();
			Instant kill = Instant.now();
			System.out.println("MultiInstanceTests: killed instance " + busiest.pid() + " (kill -9) with "
					+ posted(killed) + " of " + SCHEDULES + " digests posted");
			long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
			while (posted(killed) < SCHEDULES && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			Duration last = Duration.between(kill, Instant.now());
			System.out
				.println("MultiInstanceTests: the last digest was recorded " + last.toMillis() + " ms after the kill");
			Thread.sleep(3000);
			List<SlackCall> calls = fake.calls((call) -> call.method().equals("chat.postMessage")
					&& String.valueOf(call.param("channel")).startsWith("CMKILL"));
			Map<String, Long> perSchedule = calls.stream()
				.collect(Collectors.groupingBy(MultiInstanceTests::scheduleOf, Collectors.counting()));
			assertThat(perSchedule).hasSize(SCHEDULES);
			assertThat(perSchedule.values()).containsOnly(1L);
			assertThat(posted(killed)).isEqualTo(SCHEDULES);
			assertThat(last).isLessThan(Duration.ofSeconds(90));
		}
		finally {
			fake.slowPosts(Duration.ZERO);
		}
	}

	@Test
	@Order(3)
	void optoutWhenMadeOnOneInstanceIsListedOrSharedByNone() {
		FakeSlackApi fake = FakeSlackApi.shared();
		List<AppProcess> alive = alive();
		SlackTestClient first = new SlackTestClient(alive.get(0).port(), fake);
		SlackTestClient second = first.at(alive.get(1).port());
		fake.addUser(SlackUser.of("UMULTIOPT", "Multi Mia"));
		fake.addUser(SlackUser.of("UMULTIVIEW", "Viewing Vic"));
		first.command("UMULTIOPT", "help");
		IngestClient api = IngestClient.withNewKey(first, "multi-optout");
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
		assertThat(api
			.postJson("/api/v1/usage",
					batch(List.of(record("optout-1", "{\"slack_id\":\"UMULTIOPT\"}", hour, 1_000_000))))
			.statusCode()).isEqualTo(200);
		String board = second.command("UMULTIVIEW", "top usage").body();
		assertThat(SlackMessages.visibleText(board)).contains("Multi Mia");

		first.command("UMULTIOPT", "optout");

		for (AppProcess instance : alive) {
			assertThat(SlackMessages.visibleText(first.at(instance.port()).command("UMULTIVIEW", "top usage").body()))
				.doesNotContain("Multi Mia");
		}
		int before = fake.calls("response_url").size();
		assertThat(second.blockAction("UMULTIVIEW", "board_share", SlackMessages.firstButtonValue(board)).statusCode())
			.isEqualTo(200);
		List<SlackCall> shared = fake.awaitCalls("response_url", before + 1, Duration.ofSeconds(20));
		assertThat(SlackMessages.visibleText(shared.get(shared.size() - 1).body())).contains("Shared by")
			.doesNotContain("Multi Mia");
	}

	@Test
	@Order(4)
	void ingestWhenNewPeopleArriveThroughEveryInstanceAtOnceAnswers2xxAndAddsUpExactly() throws Exception {
		List<AppProcess> alive = alive();
		SlackTestClient slack = new SlackTestClient(alive.get(0).port(), FakeSlackApi.shared());
		IngestClient key = IngestClient.withNewKey(slack, "multi-ingest");
		Instant hour = Instant.parse("2026-11-24T10:00:00Z");
		int clients = 8;
		int requests = 6;
		AtomicInteger refused = new AtomicInteger();
		Map<Integer, String> answers = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<?>> done = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			int client = c;
			done.add(pool.submit(() -> {
				for (int r = 0; r < requests; r++) {
					AppProcess instance = alive.get((client + r) % alive.size());
					List<String> records = new ArrayList<>();
					// one new person shared by every client's r-th request, one of its
					// own
					records.add(record("in-" + client + "-" + r + "-a",
							"{\"email\":\"multi-shared-" + r + "@example.com\"}", hour, 100));
					records.add(record("in-" + client + "-" + r + "-b",
							"{\"email\":\"multi-" + client + "-" + r + "@example.com\"}", hour, 10));
					HttpResponse<String> answer = new IngestClient("http://127.0.0.1:" + instance.port(), key.key())
						.postJson("/api/v1/usage", batch(records));
					if (answer.statusCode() / 100 != 2) {
						refused.incrementAndGet();
						answers.put(answer.statusCode(), answer.body());
					}
				}
				return null;
			}));
		}
		for (Future<?> future : done) {
			future.get();
		}
		pool.shutdown();
		JsonObject totals = JsonParser
			.parseString(key.get("/api/v1/usage/summary?start=2026-11-24T00:00:00Z&end=2026-11-25T00:00:00Z").body())
			.getAsJsonObject()
			.getAsJsonObject("totals");
		assertThat(refused.get()).as("non-2xx answers: %s", answers).isZero();
		assertThat(totals.get("input_tokens").getAsLong()).isEqualTo((long) clients * requests * 110);
	}

	private static ScheduleSettings settings(DayOfWeek day, LocalTime time, Member owner) {
		return new ScheduleSettings(null, day, time.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC,
				EnumSet.of(DigestSection.TOTALS), owner.getId());
	}

	/** Move the schedules' next fire to now, as if their minute had come. */
	private static void fireNow(List<Long> schedules) {
		String names = schedules.stream().map((id) -> "'digest-" + id + "'").collect(Collectors.joining(","));
		int moved = jdbc.update("update qrtz_triggers set next_fire_time = ? where sched_name = ? and trigger_group = "
				+ "'digest' and trigger_name in (" + names + ")", System.currentTimeMillis(), SCHEDULER);
		assertThat(moved).isEqualTo(schedules.size());
	}

	private static int posted(List<Long> schedules) {
		String ids = schedules.stream().map(String::valueOf).collect(Collectors.joining(","));
		Integer posted = jdbc.queryForObject(
				"select count(*) from digest_delivery where state = 'POSTED' and schedule_id in (" + ids + ")",
				Integer.class);
		return (posted != null) ? posted : 0;
	}

	/** The live instance holding the most unfinished claims of the schedules due last. */
	private static AppProcess busiest() {
		String ids = killed.stream().map(String::valueOf).collect(Collectors.joining(","));
		Map<Long, Long> claims = jdbc
			.queryForList(
					"select claimed_by from digest_delivery where state = 'CLAIMED' and schedule_id in (" + ids + ")",
					String.class)
			.stream()
			.collect(Collectors.groupingBy((claimedBy) -> Long.parseLong(claimedBy.split("-")[0]),
					Collectors.counting()));
		System.out.println("MultiInstanceTests: unfinished claims per instance pid " + claims);
		return alive().stream()
			.max((a, b) -> Long.compare(claims.getOrDefault(a.pid(), 0L), claims.getOrDefault(b.pid(), 0L)))
			.orElseThrow();
	}

	@Test
	@Order(5)
	void outcomeWhenReportedAndConfirmedOnOneInstanceShowsOnEveryInstancesKeptBoardAtOnce() {
		FakeSlackApi fake = FakeSlackApi.shared();
		List<AppProcess> alive = alive();
		SlackTestClient first = new SlackTestClient(alive.get(0).port(), fake);
		SlackTestClient second = first.at(alive.get(1).port());
		fake.addUser(SlackUser.of("UMULTIREP", "Reporting Rae"));
		fake.addUser(SlackUser.of("UMULTICONF", "Confirming Cy"));
		// every instance keeps this week's board (and its credits) before the change
		for (AppProcess instance : alive) {
			assertThat(board(first.at(instance.port()))).doesNotContain("Reporting Rae");
		}

		first.viewSubmission("UMULTIREP", "outcome_report", "c=CMULTIREPORT;e=",
				ViewState.values()
					.select("kind", "kind_select", "PR_MERGED")
					.text("title", "title_input", "Kept boards across instances")
					.url("link", "link_input", null)
					.select("size", "size_select", "L")
					.date("date", "date_picker", LocalDate.now(ZoneOffset.UTC))
					.users("collaborators", "collaborators_select")
					.user("confirmer", "confirmer_select", "UMULTICONF")
					.text("notes", "notes_input", null));
		for (AppProcess instance : alive) {
			assertThat(board(first.at(instance.port()))).contains("Reporting Rae* — 4 pts (0 confirmed + 4 pending)");
		}

		Long id = jdbc.queryForObject("select id from outcome where title = ?", Long.class,
				"Kept boards across instances");
		assertThat(second.blockAction("UMULTICONF", "outcome_confirm", String.valueOf(id)).statusCode()).isEqualTo(200);
		for (AppProcess instance : alive) {
			assertThat(board(first.at(instance.port()))).contains("Reporting Rae* — 8 pts · 1 outcome");
		}
	}

	private static String board(SlackTestClient instance) {
		return SlackMessages.visibleText(instance.command("UMULTICONF", "top").body());
	}

	private static List<AppProcess> alive() {
		return instances.stream().filter(AppProcess::isAlive).toList();
	}

	private static Map<String, Long> awaitPosts(FakeSlackApi fake, List<Long> schedules, String prefix,
			Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (posted(schedules) < schedules.size() && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		return posts(fake, prefix);
	}

	private static Map<String, Long> posts(FakeSlackApi fake, String prefix) {
		return fake
			.calls((call) -> call.method().equals("chat.postMessage")
					&& String.valueOf(call.param("channel")).startsWith(prefix))
			.stream()
			.collect(Collectors.groupingBy((call) -> call.param("channel"), Collectors.counting()));
	}

	private static String scheduleOf(SlackCall call) {
		return call.json("metadata")
			.getAsJsonObject()
			.getAsJsonObject("event_payload")
			.get("schedule_id")
			.getAsString();
	}

	private static String batch(List<String> records) {
		return "{\"records\":[" + String.join(",", records) + "]}";
	}

	private static String record(String id, String user, Instant start, long input) {
		return "{\"id\":\"" + id + "\",\"user\":" + user
				+ ",\"source\":\"claude-code\",\"model\":\"claude-sonnet-4-5\"," + "\"start\":\"" + start
				+ "\",\"end\":\"" + start.plusSeconds(3599) + "\",\"input_tokens\":" + input
				+ ",\"output_tokens\":0,\"requests\":1}";
	}

}
