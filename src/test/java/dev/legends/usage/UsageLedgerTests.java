package dev.legends.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import dev.legends.workspace.TimeWindow;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ledger stores each record once, keeps totals per person from its rollups, and
 * attaches unmatched usage once the person is known.
 */
@LegendsAppTest
class UsageLedgerTests {

	private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");

	private static final TimeWindow WEEK = new TimeWindow(Instant.parse("2026-11-23T00:00:00Z"),
			Instant.parse("2026-11-30T00:00:00Z"));

	@Autowired
	UsageLedger ledger;

	@Autowired
	Members members;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RollupFolder folder;

	@Autowired
	PeriodRollups periods;

	@Test
	void ingestWhenSameRecordsAgainCountsThemAsDuplicates(SlackTestClient slack) {
		Long workspace = this.members.workspace(slack.inNewTeam().teamId()).getId();
		List<UsageInput> batch = List.of(record("a-1", UsageIdentity.apiKeyName("ci"), NINE, 100),
				record(null, UsageIdentity.apiKeyName("ci"), NINE.plusSeconds(60), 200));
		assertThat(this.ledger.ingest(workspace, batch)).isEqualTo(new IngestResult(2, 0, List.of("ci")));
		assertThat(this.ledger.ingest(workspace, batch)).isEqualTo(new IngestResult(0, 2, List.of("ci")));
		assertThat(this.ledger.workspaceTotals(workspace, WEEK).inputTokens()).isEqualTo(300);
	}

	@Test
	void ingestWhenLargeBatchOverlapsStoredRecordsStoresOnlyTheNewOnes(SlackTestClient slack) {
		Long workspace = this.members.workspace(slack.inNewTeam().teamId()).getId();
		// 250 records: two whole 100-row statements and a 50-row one; the second batch
		// repeats 130 of them in its middle, so a statement meets the unique key.
		assertThat(this.ledger.ingest(workspace, records(0, 250))).isEqualTo(new IngestResult(250, 0, List.of("ci")));
		assertThat(this.ledger.ingest(workspace, records(120, 370)))
			.isEqualTo(new IngestResult(120, 130, List.of("ci")));
		UsageTotals totals = this.ledger.workspaceTotals(workspace, WEEK);
		assertThat(totals.requests()).isEqualTo(370);
		assertThat(totals.inputTokens()).isEqualTo(370L * 371 / 2);
		assertThat(this.jdbc.queryForObject("select count(*) from usage_record where workspace_id = ?", Long.class,
				workspace))
			.isEqualTo(370);
	}

	@Test
	void foldWhenAReadHoldsItBackWaitsAsLongAsTheReadNeedsThenFolds(SlackTestClient slack) throws Exception {
		Long workspace = this.members.workspace(slack.inNewTeam().teamId()).getId();
		// a read of a busy machine that keeps meeting folds holds the next one back; it
		// must not be folded under the read after a couple of seconds (the read would
		// then
		// be repeated without end)
		this.folder.hold();
		try {
			this.ledger.ingest(workspace, records(0, 10));
			Thread.sleep(3000);
			assertThat(pendingOf(workspace)).as("not folded while held").isPositive();
			assertThat(this.ledger.workspaceTotals(workspace, WEEK).inputTokens()).isEqualTo(55);
		}
		finally {
			this.folder.release();
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> pendingOf(workspace) == 0);
		assertThat(this.ledger.workspaceTotals(workspace, WEEK).inputTokens()).isEqualTo(55);
	}

	@Test
	void ingestWhenBatchesArriveBackToBackAddsEachToTheTotalsOnce(SlackTestClient slack) {
		Long workspace = this.members.workspace(slack.inNewTeam().teamId()).getId();
		for (int batch = 0; batch < 20; batch++) {
			this.ledger.ingest(workspace, records(batch * 10, batch * 10 + 10));
		}
		assertThat(this.ledger.workspaceTotals(workspace, WEEK).inputTokens()).isEqualTo(200L * 201 / 2);
		// the background worker folds the last batches when it gets to them
		await().atMost(Duration.ofSeconds(30)).until(() -> pendingOf(workspace) == 0);
		assertThat(this.ledger.workspaceTotals(workspace, WEEK).inputTokens()).isEqualTo(200L * 201 / 2);
		assertThat(this.jdbc.queryForObject(
				"select sum(records) from usage_period_rollup " + "where workspace_id = ? and period_kind = 'QUARTER'",
				Long.class, workspace))
			.isEqualTo(200);
	}

	@Test
	void ingestWhenRepeatedWithinBatchStoresItOnce(SlackTestClient slack) {
		Long workspace = this.members.workspace(slack.inNewTeam().teamId()).getId();
		UsageInput input = record("dup", UsageIdentity.apiKeyName("ci"), NINE, 100);
		assertThat(this.ledger.ingest(workspace, List.of(input, input)).accepted()).isEqualTo(1);
		assertThat(this.ledger.workspaceTotals(workspace, WEEK).requests()).isEqualTo(1);
	}

	@Test
	void ingestWhenEmailKnownToSlackCountsForThatPersonOnceTheDirectoryAnswered(SlackTestClient slack,
			FakeSlackApi fake) throws InterruptedException {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(new SlackUser("ULEDGER1", "Grace Ledger", "grace.ledger@example.com", "UTC", false));
		Long workspace = this.members.workspace(team.teamId()).getId();
		IngestResult result = this.ledger.ingest(workspace,
				List.of(record("g-1", UsageIdentity.email("Grace.Ledger@example.com"), NINE, 1_000_000)));
		// Slack is asked in the background, never while the ingest waits
		assertThat(result.unmatchedUsers()).containsExactly("grace.ledger@example.com");
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (this.members.findBySlackUserId(workspace, "ULEDGER1").isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		Member grace = this.members.findBySlackUserId(workspace, "ULEDGER1").orElseThrow();
		UsageTotals totals = this.ledger.totalsForMember(grace.getId(), WEEK);
		assertThat(totals.inputTokens()).isEqualTo(1_000_000);
		assertThat(totals.costUsdEstimated()).isEqualByComparingTo("3.00");
		assertThat(totals.costUsdReported()).isEqualByComparingTo("0.42");
		assertThat(totals.priceUnknown()).isFalse();
		assertThat(this.ledger
			.ingest(workspace, List.of(record("g-2", UsageIdentity.email("grace.ledger@example.com"), NINE, 1)))
			.unmatchedUsers()).isEmpty();
	}

	@Test
	void ingestWhenPersonAppearsLaterAttachesTheirUsage(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		Long workspace = this.members.workspace(team.teamId()).getId();
		UsageInput early = record("late-1", UsageIdentity.email("late.comer@example.com"), NINE, 500);
		assertThat(this.ledger.ingest(workspace, List.of(early)).unmatchedUsers())
			.containsExactly("late.comer@example.com");
		fake.addUser(new SlackUser("ULATE1", "Late Comer", "late.comer@example.com", "UTC", false));
		team.command("ULATE1", "help");
		Member late = this.members.findBySlackUserId(workspace, "ULATE1").orElseThrow();
		assertThat(this.ledger.totalsForMember(late.getId(), WEEK).inputTokens()).isEqualTo(500);
		assertThat(this.ledger.unmatchedIdentities(workspace)).isEmpty();
	}

	@Test
	void mapIdentityWhenKeyNameMappedCountsPastUsageForThePerson(SlackTestClient slack) {
		SlackTestClient team = slack.inNewTeam();
		Member ada = this.members.member(team.teamId(), "UMAPADA");
		Long workspace = ada.getWorkspaceId();
		this.ledger.ingest(workspace, List.of(record("k-1", UsageIdentity.apiKeyName("ada-laptop"), NINE, 700)));
		assertThat(this.ledger.unmatchedIdentities(workspace)).extracting(UnmatchedIdentity::records)
			.containsExactly(1L);
		IdentityMapping mapping = this.ledger.mapIdentity(workspace, UsageIdentity.apiKeyName("ada-laptop"),
				ada.getId());
		assertThat(mapping.records()).isEqualTo(1);
		assertThat(this.ledger.totalsForMember(ada.getId(), WEEK).inputTokens()).isEqualTo(700);
		assertThat(
				this.ledger.ingest(workspace, List.of(record("k-2", UsageIdentity.apiKeyName("ada-laptop"), NINE, 1)))
					.unmatchedUsers())
			.isEmpty();
	}

	@Test
	void totalsWhenModelHasNoPriceSayPriceUnknown(SlackTestClient slack) {
		Long workspace = this.members.workspace(slack.inNewTeam().teamId()).getId();
		UsageInput unknown = new UsageInput("u-1", UsageIdentity.apiKeyName("x"), "batch", "homegrown-llm", NINE,
				NINE.plusSeconds(10), 10, 10, 0, 0, 0, 1, null);
		this.ledger.ingest(workspace, List.of(unknown));
		UsageTotals totals = this.ledger.workspaceTotals(workspace, WEEK);
		assertThat(totals.priceUnknown()).isTrue();
		assertThat(totals.unpricedModels()).containsExactly("homegrown-llm");
	}

	@Test
	void dailySeriesWhenUsageOnTwoDaysListsEveryDayOfTheWindow(SlackTestClient slack) {
		Long workspace = this.members.workspace(slack.inNewTeam().teamId()).getId();
		this.ledger.ingest(workspace, List.of(record("d-1", UsageIdentity.apiKeyName("x"), NINE, 10),
				record("d-2", UsageIdentity.apiKeyName("x"), NINE.plusSeconds(86_400 * 2), 20)));
		List<DailyUsage> series = this.ledger.dailySeriesForWorkspace(workspace, WEEK, ZoneOffset.UTC);
		assertThat(series).hasSize(7);
		assertThat(series).extracting((day) -> day.totals().inputTokens())
			.containsExactly(10L, 0L, 20L, 0L, 0L, 0L, 0L);
	}

	@Test
	void totalsByOwnerWhenWindowExcludesUsageLeavesItOut(SlackTestClient slack) {
		Long workspace = this.members.workspace(slack.inNewTeam().teamId()).getId();
		this.ledger.ingest(workspace, List.of(record("w-1", UsageIdentity.apiKeyName("x"), NINE, 10),
				record("w-2", UsageIdentity.apiKeyName("y"), NINE.minusSeconds(86_400 * 10), 20)));
		List<OwnerUsage> owners = this.ledger.totalsByOwner(workspace, WEEK);
		assertThat(owners).extracting(OwnerUsage::owner)
			.containsExactly(UsageOwner.unmatched(UsageIdentity.apiKeyName("x")));
	}

	@Test
	void totalsWhenWindowIsWholePeriodMatchTheSumOfItsDays(SlackTestClient slack) {
		Long workspace = this.members.workspace(slack.inNewTeam().teamId()).getId();
		Instant first = Instant.parse("2026-09-28T22:00:00Z");
		List<UsageInput> batch = new java.util.ArrayList<>();
		for (int i = 0; i < 40; i++) {
			UsageIdentity who = (i % 3 == 0) ? UsageIdentity.apiKeyName("p-" + (i % 2))
					: UsageIdentity.email("p" + (i % 4) + "@example.com");
			batch.add(record("p-" + i, who, first.plusSeconds(i * 61_000L), 100 + i));
		}
		this.ledger.ingest(workspace, batch.subList(0, 25));
		this.ledger.ingest(workspace, batch.subList(25, 40));
		// whole periods, several periods in a row (the trailing four weeks, a quarter and
		// a
		// month), and windows that are not (read from the hourly rollups)
		TimeWindow fourWeeks = window("2026-09-28", "2026-10-26");
		TimeWindow quarterAndMonth = window("2026-07-01", "2026-11-01");
		assertThat(this.periods.slotsOf(fourWeeks).orElseThrow()).extracting(PeriodRollups.Slot::kind)
			.containsExactly(PeriodRollups.Kind.WEEK, PeriodRollups.Kind.WEEK, PeriodRollups.Kind.WEEK,
					PeriodRollups.Kind.WEEK);
		assertThat(this.periods.slotsOf(quarterAndMonth).orElseThrow()).extracting(PeriodRollups.Slot::kind)
			.containsExactly(PeriodRollups.Kind.QUARTER, PeriodRollups.Kind.MONTH);
		assertThat(this.periods.slotsOf(window("2026-09-28", "2026-11-01"))).isEmpty();
		for (TimeWindow period : List.of(WEEK, window("2026-10-01", "2026-11-01"), window("2026-10-01", "2027-01-01"),
				window("2026-09-28", "2026-10-05"), fourWeeks, quarterAndMonth, window("2026-08-31", "2026-10-26"),
				window("2026-09-28", "2026-11-01"))) {
			UsageTotals whole = this.ledger.workspaceTotals(workspace, period);
			long byDay = 0;
			for (Instant day = period.start(); day.isBefore(period.end()); day = day.plusSeconds(86_400)) {
				byDay += this.ledger.workspaceTotals(workspace, new TimeWindow(day, day.plusSeconds(86_400)))
					.inputTokens();
			}
			assertThat(whole.inputTokens()).as(period.toString()).isEqualTo(byDay);
			assertThat(this.ledger.totalsByOwner(workspace, period)).as(period.toString())
				.extracting((owner) -> owner.totals().inputTokens())
				.containsExactlyElementsOf(this.ledger
					.totalsByOwner(workspace, new TimeWindow(period.start(), period.end().minusSeconds(1)))
					.stream()
					.map((owner) -> owner.totals().inputTokens())
					.toList());
		}
		assertThat(this.ledger.workspaceTotals(workspace, window("2026-10-01", "2027-01-01")).requests())
			.isEqualTo(batch.stream()
				.filter((input) -> !input.start().isBefore(Instant.parse("2026-10-01T00:00:00Z")))
				.count());
	}

	@Test
	void ingestWhenNothingReadsAddsTheBatchToTheRollupsInTheBackground(SlackTestClient slack)
			throws InterruptedException {
		Long workspace = this.members.workspace(slack.inNewTeam().teamId()).getId();
		this.ledger.ingest(workspace, List.of(record("bg-1", UsageIdentity.apiKeyName("bg"), NINE, 100),
				record("bg-2", UsageIdentity.apiKeyName("bg"), NINE.plusSeconds(7200), 20)));
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (pendingOf(workspace) > 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(pendingOf(workspace)).isZero();
		assertThat(this.jdbc.queryForObject("select sum(input_tokens) from usage_period_rollup "
				+ "where workspace_id = ? and period_kind = 'WEEK'", Long.class, workspace))
			.isEqualTo(120);
		assertThat(this.jdbc.queryForObject("select count(*) from usage_rollup where workspace_id = ?", Long.class,
				workspace))
			.isEqualTo(2);
	}

	private long pendingOf(Long workspace) {
		Long pending = this.jdbc.queryForObject("select count(*) from usage_rollup_pending where workspace_id = ?",
				Long.class, workspace);
		return (pending != null) ? pending : 0;
	}

	private static TimeWindow window(String start, String end) {
		return new TimeWindow(Instant.parse(start + "T00:00:00Z"), Instant.parse(end + "T00:00:00Z"));
	}

	/** Records with ids r-from … r-(to-1), record i with i + 1 input tokens. */
	private static List<UsageInput> records(int from, int to) {
		return java.util.stream.IntStream.range(from, to)
			.mapToObj((i) -> record("r-" + i, UsageIdentity.apiKeyName("ci"), NINE.plusSeconds(i), i + 1))
			.toList();
	}

	static UsageInput record(String id, UsageIdentity user, Instant start, long inputTokens) {
		return new UsageInput(id, user, "claude-code", "claude-sonnet-4-5", start, start.plusSeconds(3599), inputTokens,
				0, 0, 0, 0, 1, new BigDecimal("0.42"));
	}

}
