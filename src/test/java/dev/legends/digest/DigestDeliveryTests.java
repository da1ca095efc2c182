package dev.legends.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.Message;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.MutableClock;
import dev.legends.testkit.SlackCall;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import dev.legends.testkit.TestClockConfiguration;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly-once digest delivery: the ledger, reconciliation with the channel's history,
 * rate limits, channel errors and the Quartz job.
 */
@LegendsAppTest
@Import(TestClockConfiguration.class)
class DigestDeliveryTests {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	/** Monday 23 November 2026, 09:00 in Paris. */
	static final Instant MONDAY_9 = TestClockConfiguration.START;

	@Autowired
	DigestSchedules schedules;

	@Autowired
	DigestRunner runner;

	@Autowired
	Members members;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MethodsClient methods;

	@Autowired
	Scheduler scheduler;

	@Autowired
	MutableClock clock;

	@Test
	void runScheduledWhenSamePeriodFiresTwicePostsOnce(SlackTestClient slack, FakeSlackApi fake) {
		DigestSchedule schedule = schedule(slack, "CTWICE1");
		CompletableFuture<DigestRunner.Outcome> first = this.runner.runScheduled(schedule.getId(), MONDAY_9);
		CompletableFuture<DigestRunner.Outcome> second = this.runner.runScheduled(schedule.getId(), MONDAY_9);
		assertThat(List.of(first.join(), second.join())).containsExactlyInAnyOrder(DigestRunner.Outcome.POSTED,
				DigestRunner.Outcome.IN_FLIGHT);
		assertThat(this.runner.runScheduled(schedule.getId(), MONDAY_9.plusSeconds(30)).join())
			.isEqualTo(DigestRunner.Outcome.ALREADY_POSTED);
		List<SlackCall> posts = posts(fake, "CTWICE1");
		assertThat(posts).hasSize(1);
		JsonObject metadata = posts.get(0).json("metadata").getAsJsonObject();
		assertThat(metadata.get("event_type").getAsString()).isEqualTo("legends_digest");
		assertThat(metadata.getAsJsonObject("event_payload").get("period_key").getAsString())
			.isEqualTo("week:2026-W47");
		assertThat(posts.get(0).param("text")).contains("16–22 Nov 2026").contains("confirmed outcomes");
	}

	@Test
	void runScheduledWhenRateLimitedWaitsRetryAfterThenPostsOnce(SlackTestClient slack, FakeSlackApi fake) {
		DigestSchedule schedule = schedule(slack, "CLIMIT1");
		fake.failNext("chat.postMessage", 429, 1);
		long started = System.nanoTime();
		assertThat(this.runner.runScheduled(schedule.getId(), MONDAY_9).join()).isEqualTo(DigestRunner.Outcome.POSTED);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
		assertThat(posts(fake, "CLIMIT1")).hasSize(2);
		assertThat(history(fake, "CLIMIT1")).isEqualTo(1);
	}

	@Test
	void runScheduledWhenSlackAnswers5xxRetriesWithBackoffThenPosts(SlackTestClient slack, FakeSlackApi fake) {
		DigestSchedule schedule = schedule(slack, "CSERVER1");
		fake.failNext("chat.postMessage", 503, 0);
		fake.failNext("chat.postMessage", 500, 0);
		assertThat(this.runner.runScheduled(schedule.getId(), MONDAY_9).join()).isEqualTo(DigestRunner.Outcome.POSTED);
		assertThat(history(fake, "CSERVER1")).isEqualTo(1);
	}

	@Test
	void runScheduledWhenUnfinishedClaimAndMessageInChannelRecordsItWithoutPosting(SlackTestClient slack,
			FakeSlackApi fake) throws Exception {
		DigestSchedule schedule = schedule(slack, "CCRASH1");
		claimByDeadRun(schedule, "week:2026-W47");
		this.methods.chatPostMessage((r) -> r.channel("CCRASH1")
			.text("digest posted just before the crash")
			.metadata(new Message.Metadata("legends_digest",
					Map.of("period_key", "week:2026-W47", "schedule_id", schedule.getId()))));
		assertThat(this.runner.runScheduled(schedule.getId(), MONDAY_9).join())
			.isEqualTo(DigestRunner.Outcome.RECONCILED);
		assertThat(fake.calls("conversations.history")).isNotEmpty();
		assertThat(history(fake, "CCRASH1")).isEqualTo(1);
		assertThat(state(schedule, "week:2026-W47")).isEqualTo("POSTED");
	}

	@Test
	void runScheduledWhenUnfinishedClaimAndNoMessagePostsOnce(SlackTestClient slack, FakeSlackApi fake) {
		DigestSchedule schedule = schedule(slack, "CCRASH2");
		claimByDeadRun(schedule, "week:2026-W47");
		assertThat(this.runner.runScheduled(schedule.getId(), MONDAY_9).join()).isEqualTo(DigestRunner.Outcome.POSTED);
		assertThat(this.runner.runScheduled(schedule.getId(), MONDAY_9).join())
			.isEqualTo(DigestRunner.Outcome.ALREADY_POSTED);
		assertThat(history(fake, "CCRASH2")).isEqualTo(1);
	}

	@Test
	void claimWhenItsLeaseRanOutBeforeAnythingWasSentIsTakenOverAndPostedWithoutReadingHistory(SlackTestClient slack,
			FakeSlackApi fake) throws Exception {
		DigestSchedule schedule = schedule(slack, "CKILLED1");
		fake.failHistory("CKILLED1", "internal_error");
		this.jdbc.update(
				"insert into digest_delivery (schedule_id, period_key, state, attempts, claimed_by, claimed_at) "
						+ "values (?, ?, 'CLAIMED', 1, 'a-killed-instance', ?)",
				schedule.getId(), "week:2026-W47", java.sql.Timestamp.from(this.clock.instant().minusSeconds(31)));

		await(() -> "POSTED".equals(state(schedule, "week:2026-W47")));

		assertThat(posts(fake, "CKILLED1")).hasSize(1);
		assertThat(history(fake, "CKILLED1")).isEqualTo(1);
	}

	@Test
	void runScheduledWhenMessageMayHaveBeenSentAndHistoryIsUnavailableNeverPostsBlind(SlackTestClient slack,
			FakeSlackApi fake) {
		DigestSchedule schedule = schedule(slack, "CBLIND1");
		claimByDeadRun(schedule, "week:2026-W47");
		fake.failHistory("CBLIND1", "internal_error");
		assertThat(this.runner.runScheduled(schedule.getId(), MONDAY_9).join()).isEqualTo(DigestRunner.Outcome.FAILED);
		assertThat(posts(fake, "CBLIND1")).isEmpty();
		assertThat(state(schedule, "week:2026-W47")).isEqualTo("FAILED");
	}

	@Test
	void runScheduledWhenAnotherInstanceJustClaimedThePeriodLeavesItToThem(SlackTestClient slack, FakeSlackApi fake) {
		DigestSchedule schedule = schedule(slack, "CLEASE1");
		this.jdbc.update(
				"insert into digest_delivery (schedule_id, period_key, state, attempts, claimed_by, claimed_at) "
						+ "values (?, ?, 'CLAIMED', 1, 'another-instance', ?)",
				schedule.getId(), "week:2026-W47", java.sql.Timestamp.from(this.clock.instant().minusSeconds(10)));
		assertThat(this.runner.runScheduled(schedule.getId(), MONDAY_9).join())
			.isEqualTo(DigestRunner.Outcome.IN_FLIGHT);
		assertThat(posts(fake, "CLEASE1")).isEmpty();
	}

	@Test
	void runScheduledWhenChannelNotFoundMarksFailingAndDmsOwnerOnce(SlackTestClient slack, FakeSlackApi fake) {
		DigestSchedule schedule = schedule(slack, "CGONE1");
		DigestSchedule other = schedule(slack, "COTHER1");
		fake.failChannel("CGONE1", "channel_not_found");
		assertThat(this.runner.runScheduled(schedule.getId(), MONDAY_9).join())
			.isEqualTo(DigestRunner.Outcome.CHANNEL_UNAVAILABLE);
		assertThat(this.runner.runScheduled(other.getId(), MONDAY_9).join()).isEqualTo(DigestRunner.Outcome.POSTED);
		assertThat(this.runner.runScheduled(schedule.getId(), MONDAY_9.plus(Duration.ofDays(7))).join())
			.isEqualTo(DigestRunner.Outcome.CHANNEL_UNAVAILABLE);
		assertThat(this.schedules.find(schedule.getWorkspaceId(), "CGONE1").orElseThrow().getStatus())
			.isEqualTo(ScheduleStatus.FAILING);
		List<SlackCall> dms = posts(fake, "UOWNER");
		assertThat(dms).hasSize(1);
		assertThat(dms.get(0).param("text")).contains("<#CGONE1>").contains("/invite @Legends");
		assertThat(history(fake, "COTHER1")).isEqualTo(1);
	}

	@Test
	void digestJobWhenTriggeredPostsTheLastFullWeekOfTheClock(SlackTestClient slack, FakeSlackApi fake)
			throws Exception {
		DigestSchedule schedule = schedule(slack, "CJOB1");
		this.clock.set(MONDAY_9.plus(Duration.ofDays(7)));
		try {
			triggerTwice(schedule, fake);
		}
		finally {
			this.clock.set(MONDAY_9);
		}
	}

	private void triggerTwice(DigestSchedule schedule, FakeSlackApi fake) throws Exception {
		this.scheduler.triggerJob(DigestTriggers.jobKey(schedule.getId()));
		List<SlackCall> posts = fake.awaitCalls("chat.postMessage", 1, Duration.ofSeconds(10));
		assertThat(posts).hasSize(1);
		assertThat(posts.get(0)
			.json("metadata")
			.getAsJsonObject()
			.getAsJsonObject("event_payload")
			.get("period_key")
			.getAsString()).isEqualTo("week:2026-W48");
		this.scheduler.triggerJob(DigestTriggers.jobKey(schedule.getId()));
		TimeUnit.MILLISECONDS.sleep(1500);
		assertThat(history(fake, "CJOB1")).isEqualTo(1);
		assertThat(this.schedules.nextRun(schedule)).isPresent();
	}

	private DigestSchedule schedule(SlackTestClient slack, String channelId) {
		FakeSlackApi.shared()
			.addUser(new SlackUser("UOWNER", "Olive Owner", "olive@example.com", "Europe/Paris", false));
		Member owner = this.members.member(slack.inNewTeam().teamId(), "UOWNER");
		return this.schedules.save(owner.getWorkspaceId(), channelId,
				new ScheduleSettings(null, java.time.DayOfWeek.MONDAY, LocalTime.of(9, 0), PARIS,
						EnumSet.allOf(DigestSection.class), owner.getId()));
	}

	/**
	 * A claim of a run that died while its message was being sent, older than the misfire
	 * grace (so that only the test's own run takes it over).
	 */
	private void claimByDeadRun(DigestSchedule schedule, String periodKey) {
		java.sql.Timestamp before = java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofHours(7)));
		this.jdbc.update(
				"insert into digest_delivery (schedule_id, period_key, state, attempts, claimed_by, "
						+ "claimed_at, sending_at) values (?, ?, 'CLAIMED', 1, 'a-crashed-instance', ?, ?)",
				schedule.getId(), periodKey, before, before);
	}

	private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
			TimeUnit.MILLISECONDS.sleep(100);
		}
	}

	private String state(DigestSchedule schedule, String periodKey) {
		return this.jdbc.queryForObject("select state from digest_delivery where schedule_id = ? and period_key = ?",
				String.class, schedule.getId(), periodKey);
	}

	private static List<SlackCall> posts(FakeSlackApi fake, String channelId) {
		return fake
			.calls((call) -> call.method().equals("chat.postMessage") && channelId.equals(call.param("channel")));
	}

	private static long history(FakeSlackApi fake, String channelId) {
		return fake.messages(channelId).size();
	}

}
