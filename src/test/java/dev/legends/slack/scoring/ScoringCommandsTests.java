package dev.legends.slack.scoring;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.legends.scoring.Scoring;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackCall;
import dev.legends.testkit.SlackMessages;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;
import dev.legends.usage.UsageLedger;
import dev.legends.outcomes.OutcomeDetails;
import dev.legends.outcomes.OutcomeDraft;
import dev.legends.outcomes.OutcomeKind;
import dev.legends.outcomes.OutcomeSize;
import dev.legends.outcomes.Outcomes;
import dev.legends.teams.TeamChange;
import dev.legends.teams.Teams;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /legends top}, {@code why} and sharing, driven the way Slack does; 16 people
 * asking at once right after a change all see it.
 */
@LegendsAppTest
class ScoringCommandsTests {

	@Autowired
	UsageLedger ledger;

	@Autowired
	Members members;

	@Autowired
	Teams teams;

	@Autowired
	Outcomes outcomes;

	@Autowired
	Scoring scoring;

	@Test
	void topWhenHeavyUserHasNoOutcomesKeepsThemOffOutcomesAndShowsUsageAsContext(SlackTestClient slack,
			FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		introduce(team, fake, "UHEAVY1", "Heavy Harry");
		useTokens(team, "UHEAVY1", 5_000_000);
		String outcomes = SlackMessages.visibleText(team.command("UHEAVY1", "top").body());
		assertThat(outcomes).contains("Outcomes board", "No outcome points yet")
			.contains("*You:* not ranked on this board — no outcome points in this period")
			.doesNotContain("Heavy Harry");
		String usage = SlackMessages.visibleText(team.command("UHEAVY1", "top week usage").body());
		assertThat(usage).contains("Usage (context, not a score)", "`1` *Heavy Harry* — $15.00 · 0 pts · no outcomes");
		String efficiency = SlackMessages.visibleText(team.command("UHEAVY1", "top efficiency").body());
		assertThat(efficiency).contains("Efficiency board", "Nobody meets the bar")
			.contains("not ranked on this board — no confirmed outcome yet");
	}

	@Test
	void whyExplainsTheWeekWithTheUsageTheBoardRankedBy(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		introduce(team, fake, "UWHYUSE", "Usage Ursula");
		useTokensThisWeek(team, "UWHYUSE", 1_000_000);
		assertThat(SlackMessages.visibleText(team.command("UWHYUSE", "top week usage").body()))
			.contains("*Usage Ursula* — $3.00");
		// more usage arrives while the board is fresh: the explanation gives the figures
		// behind the rank it explains, not newer ones
		useTokensThisHour(team, "UWHYUSE", "second-record", 1_000_000);
		assertThat(SlackMessages.visibleText(team.command("UWHYUSE", "why").body())).contains("$3.00")
			.doesNotContain("$6.00");
		// once the boards are computed again, both show the new usage
		this.scoring.refresh();
		assertThat(SlackMessages.visibleText(team.command("UWHYUSE", "top week usage").body()))
			.contains("*Usage Ursula* — $6.00");
		assertThat(SlackMessages.visibleText(team.command("UWHYUSE", "why").body())).contains("$6.00");
	}

	@Test
	void topWhenPersonOptedOutLeavesThemOffSharedBoardsButTellsThemWhereTheyStand(SlackTestClient slack,
			FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		introduce(team, fake, "UQUIET1", "Quiet Quinn");
		introduce(team, fake, "UOTHER1", "Other Olga");
		useTokens(team, "UQUIET1", 1_000_000);
		assertThat(SlackMessages.visibleText(team.command("UOTHER1", "top usage").body())).contains("Quiet Quinn");
		team.command("UQUIET1", "optout");
		assertThat(SlackMessages.visibleText(team.command("UOTHER1", "top usage").body()))
			.doesNotContain("Quiet Quinn");
		assertThat(SlackMessages.visibleText(team.command("UQUIET1", "top usage").body())).contains("*You:* #1")
			.contains("opted out or on vacation");
	}

	@Test
	void shareWhenClickedPostsBoardInChannelWithoutPersonalLine(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		introduce(team, fake, "USHARE1", "Sharing Sam");
		useTokens(team, "USHARE1", 1_000_000);
		String reply = team.command("USHARE1", "top last week usage").body();
		assertThat(reply).contains("\"response_type\":\"ephemeral\"").contains("board_share");
		String value = JsonParser.parseString(reply)
			.getAsJsonObject()
			.getAsJsonArray("blocks")
			.asList()
			.stream()
			.map((block) -> block.getAsJsonObject())
			.filter((block) -> block.get("type").getAsString().equals("actions"))
			.map((block) -> block.getAsJsonArray("elements").get(0).getAsJsonObject().get("value").getAsString())
			.findFirst()
			.orElseThrow();
		int before = fake.calls("response_url").size();
		assertThat(team.blockAction("USHARE1", "board_share", value).statusCode()).isEqualTo(200);
		List<SlackCall> posts = fake.awaitCalls("response_url", before + 1, Duration.ofSeconds(5));
		JsonObject posted = JsonParser.parseString(posts.get(posts.size() - 1).body()).getAsJsonObject();
		assertThat(posted.get("response_type").getAsString()).isEqualTo("in_channel");
		assertThat(SlackMessages.visibleText(posted.toString()))
			.contains("Usage (context, not a score)", "Shared by Sharing Sam")
			.doesNotContain("You:");
	}

	@Test
	void topWhenWordsUnknownExplainsTheSyntax(SlackTestClient slack) {
		assertThat(SlackMessages.visibleText(slack.command("UTOPX", "top fortnight").body()))
			.contains("I don't know `fortnight`", "/legends top [last] [week|month|quarter]");
		assertThat(SlackMessages.visibleText(slack.command("UTOPX", "top team nosuchteam").body()))
			.contains("I don't know a team called *nosuchteam*");
	}

	@Test
	void whyWhenAskingAboutSomeoneElseWithoutRightsRefusesAndAdminsMaySee(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		introduce(team, fake, "UWHY1", "Wanda Why");
		useTokens(team, "UWHY1", 2_000_000);
		assertThat(SlackMessages.visibleText(team.command("UWHY2", "why <@UWHY1|wanda>").body()))
			.contains("Only the managers of their teams and admins");
		String admin = SlackMessages
			.visibleText(team.command(SlackTestClient.ADMIN_USER, "why <@UWHY1|wanda> week").body());
		assertThat(admin).contains("Why: Wanda Why's scores", "2,000,000 input", "$6.00",
				"Not ranked on efficiency: no confirmed outcome yet");
		assertThat(SlackMessages.visibleText(team.command("UWHY1", "why").body())).contains("Why: your scores");
	}

	@Test
	void topTeamWhenTeamIsSmallShowsOnlyItsMembersWithoutShareAndItsManagerMayAskWhy(SlackTestClient slack,
			FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(SlackUser.of("UTEAM1", "Team Tina"));
		fake.addUser(SlackUser.of("UTEAM2", "Outside Otto"));
		fake.addUser(SlackUser.of("UBOSS1", "Boss Bea"));
		Member tina = this.members.member(team.teamId(), "UTEAM1");
		Member boss = this.members.member(team.teamId(), "UBOSS1");
		this.members.member(team.teamId(), "UTEAM2");
		Member admin = this.members.member(team.teamId(), SlackTestClient.ADMIN_USER);
		this.teams.save(new TeamChange(null, tina.getWorkspaceId(), "Platform Crew", Set.of(tina.getId()),
				Set.of(boss.getId()), null, null), admin);
		useTokens(team, "UTEAM1", 1_000_000);
		useTokens(team, "UTEAM2", 2_000_000);
		String board = team.command("UTEAM2", "top team platform crew usage").body();
		assertThat(SlackMessages.visibleText(board))
			.contains("Usage (context, not a score)", "Platform Crew", "*Team Tina*")
			.doesNotContain("Outside Otto");
		assertThat(board).doesNotContain("board_share");
		assertThat(SlackMessages.visibleText(team.command("UBOSS1", "why <@UTEAM1|tina>").body()))
			.contains("Why: Team Tina's scores");
		assertThat(SlackMessages.visibleText(team.command("UBOSS1", "why <@UTEAM2|otto>").body()))
			.contains("Only the managers of their teams and admins");
	}

	@Test
	void boardsWhenHeavyUserAndConfirmedOutcomesRankAsThePrinciplesSay(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		for (String[] user : new String[][] { { "UADA", "Ada" }, { "UBO", "Bo" }, { "UCY", "Cy" }, { "UDI", "Di" } }) {
			fake.addUser(SlackUser.of(user[0] + team.teamId(), user[1]));
		}
		Member ada = this.members.member(team.teamId(), "UADA" + team.teamId());
		Member bo = this.members.member(team.teamId(), "UBO" + team.teamId());
		Member di = this.members.member(team.teamId(), "UDI" + team.teamId());
		this.members.member(team.teamId(), "UCY" + team.teamId());
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		OutcomeDetails billing = this.outcomes.report(ada.getId(), new OutcomeDraft(OutcomeKind.PR_MERGED,
				"Billing export", null, OutcomeSize.L, today, List.of(), bo.getId(), null));
		this.outcomes.confirm(billing.id(), bo.getId());
		OutcomeDetails flaky = this.outcomes.report(bo.getId(), new OutcomeDraft(OutcomeKind.BUG_FIXED,
				"Flaky test fixed", null, OutcomeSize.M, today, List.of(), ada.getId(), null));
		this.outcomes.confirm(flaky.id(), ada.getId());
		this.outcomes.report(di.getId(),
				new OutcomeDraft(OutcomeKind.DOC, "Runbook", null, OutcomeSize.S, today, List.of(), null, null));
		useTokensThisWeek(team, "UADA" + team.teamId(), 2_000_000);
		useTokensThisWeek(team, "UBO" + team.teamId(), 3_000_000);
		useTokensThisWeek(team, "UCY" + team.teamId(), 20_000_000);

		String outcomesBoard = SlackMessages.visibleText(team.command("UCY" + team.teamId(), "top").body());
		assertThat(outcomesBoard)
			.containsSubsequence("`1` *Ada* — 8 pts", "`2` *Bo* — 3 pts",
					"`3` *Di* — 0.5 pts (0 confirmed + 0.5 pending)")
			.doesNotContain("*Cy*")
			.contains("*You:* not ranked on this board — no outcome points in this period");
		String efficiency = SlackMessages.visibleText(team.command("UADA" + team.teamId(), "top efficiency").body());
		// r = 11.5 / $75 = 0.1533 pts/$, C0 = median($6, $9, $60) = $9 (no earlier spend:
		// this week's figures)
		assertThat(efficiency).containsSubsequence("`1` *Ada* — 0.625 pts/$", "`2` *Bo* — 0.243 pts/$")
			.doesNotContain("*Cy*", "*Di*", "C0")
			.contains("evened out toward the group's own rate", "`/legends why` shows the arithmetic");
		String usage = SlackMessages.visibleText(team.command("UADA" + team.teamId(), "top usage").body());
		assertThat(usage).containsSubsequence("`1` *Cy* — $60.00 · 0 pts · no outcomes",
				"`2` *Bo* — $9.00 · 3 pts · $3.00/pt", "`3` *Ada* — $6.00 · 8 pts · $0.75/pt");
		String why = SlackMessages.visibleText(team.command("UDI" + team.teamId(), "why").body());
		assertThat(why).contains("Outcome points: 0.5", "Runbook (Doc, S): *0.5 pts* — awaiting confirmation",
				"Not ranked on efficiency: no confirmed outcome yet");
		String adaWhy = SlackMessages.visibleText(team.command("UADA" + team.teamId(), "why").body());
		assertThat(adaWhy).contains("Billing export (PR merged, L): *8 pts* — confirmed: full points",
				"(8 + 9.00 × 0.1533) / (6.00 + 9.00) = 0.625 points/$", "r = the group's 0.1533 pts/$", "C0 = $9.00");

		String me = SlackMessages.visibleText(team.command("UADA" + team.teamId(), "me").body());
		assertThat(me).contains("outcomes #1 of 3", "efficiency #1 of 2", "usage (context) #3 of 3",
				"*Cost per point:* $0.75");

		team.command("UADA" + team.teamId(), "optout");
		assertThat(SlackMessages.visibleText(team.command("UBO" + team.teamId(), "top").body()))
			.containsSubsequence("`1` *Bo* — 3 pts", "`2` *Di*")
			.doesNotContain("*Ada*");
	}

	@Test
	void topWhenSixteenAskAtOnceRightAfterEachChangeAllSeeIt(SlackTestClient slack, FakeSlackApi fake)
			throws Exception {
		SlackTestClient team = slack.inNewTeam();
		for (String[] user : new String[][] { { "UEVE", "Eve" }, { "UFAY", "Fay" }, { "UGUS", "Gus" } }) {
			fake.addUser(SlackUser.of(user[0] + team.teamId(), user[1]));
		}
		Member eve = this.members.member(team.teamId(), "UEVE" + team.teamId());
		Member fay = this.members.member(team.teamId(), "UFAY" + team.teamId());
		Member gus = this.members.member(team.teamId(), "UGUS" + team.teamId());
		for (int i = 0; i < 16; i++) {
			this.members.member(team.teamId(), "UASK" + i + team.teamId());
		}
		useTokensThisWeek(team, "UEVE" + team.teamId(), 2_000_000);
		assertThat(SlackMessages.visibleText(team.command("UGUS" + team.teamId(), "top").body()))
			.as("the board as cached before the changes")
			.doesNotContain("*Eve*");
		LocalDate today = LocalDate.now(ZoneOffset.UTC);

		OutcomeDetails export = this.outcomes.report(eve.getId(), new OutcomeDraft(OutcomeKind.PR_MERGED,
				"Export to CSV", null, OutcomeSize.L, today, List.of(), fay.getId(), null));
		this.outcomes.confirm(export.id(), fay.getId());
		assertThat(topAtOnce(team, 16)).allSatisfy((board) -> assertThat(board).contains("`1` *Eve* — 8 pts"));

		this.outcomes.report(gus.getId(),
				new OutcomeDraft(OutcomeKind.DOC, "Runbook", null, OutcomeSize.S, today, List.of(), null, null));
		assertThat(topAtOnce(team, 16)).allSatisfy((board) -> assertThat(board).containsSubsequence("`1` *Eve* — 8 pts",
				"`2` *Gus* — 0.5 pts (0 confirmed + 0.5 pending)"));
	}

	/** {@code /legends top} from {@code count} people at once; every answer a board. */
	private static List<String> topAtOnce(SlackTestClient team, int count) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<HttpResponse<String>>> answers = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String user = "UASK" + i + team.teamId();
				String words = (i % 2 == 0) ? "top" : "top outcomes";
				answers.add(threads.submit(() -> {
					start.await();
					return team.command(user, words);
				}));
			}
			start.countDown();
			List<String> boards = new ArrayList<>();
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
				assertThat(response.statusCode()).isEqualTo(200);
				boards.add(SlackMessages.visibleText(response.body()));
			}
			return boards;
		}
		finally {
			threads.shutdown();
		}
	}

	private void useTokensThisWeek(SlackTestClient team, String userId, long inputTokens) {
		useTokensThisHour(team, userId, null, inputTokens);
	}

	/** Usage in the current hour: a record of its own when {@code recordId} differs. */
	private void useTokensThisHour(SlackTestClient team, String userId, String recordId, long inputTokens) {
		Long workspace = this.members.workspace(team.teamId()).getId();
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
		this.ledger.ingest(workspace, List.of(new UsageInput(recordId, UsageIdentity.slackId(userId), "claude-code",
				"claude-sonnet-4-5", hour, hour, inputTokens, 0, 0, 0, 0, 10, null)));
	}

	/** Someone Slack knows who has typed {@code /legends} once. */
	private static void introduce(SlackTestClient team, FakeSlackApi fake, String userId, String name) {
		fake.addUser(SlackUser.of(userId, name));
		team.command(userId, "help");
	}

	private void useTokens(SlackTestClient team, String userId, long inputTokens) {
		Long workspace = this.members.workspace(team.teamId()).getId();
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
		this.ledger.ingest(workspace, List.of(new UsageInput(null, UsageIdentity.slackId(userId), "claude-code",
				"claude-sonnet-4-5", hour, hour, inputTokens, 0, 0, 0, 0, 10, new BigDecimal("1.00"))));
		Instant lastWeek = hour.minus(7, ChronoUnit.DAYS);
		this.ledger.ingest(workspace, List.of(new UsageInput(null, UsageIdentity.slackId(userId), "claude-code",
				"claude-sonnet-4-5", lastWeek, lastWeek, inputTokens, 0, 0, 0, 0, 10, null)));
	}

}
