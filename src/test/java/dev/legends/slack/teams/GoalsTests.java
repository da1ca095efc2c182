package dev.legends.slack.teams;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import com.google.gson.JsonObject;
import dev.legends.outcomes.OutcomeDetails;
import dev.legends.outcomes.OutcomeDraft;
import dev.legends.outcomes.OutcomeKind;
import dev.legends.outcomes.OutcomeSize;
import dev.legends.outcomes.Outcomes;
import dev.legends.teams.GoalDraft;
import dev.legends.teams.GoalPeriod;
import dev.legends.teams.Goals;
import dev.legends.teams.Team;
import dev.legends.teams.TeamGoal;
import dev.legends.teams.Teams;
import dev.legends.testkit.Concurrently;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackMessages;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.ViewState;
import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;
import dev.legends.usage.UsageLedger;
import dev.legends.workspace.ChangeVersions;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /legends goals}, its modal and {@code /legends team}: managers set goals (bad
 * numbers get in-modal errors), members see progress against them, others are refused.
 */
@LegendsAppTest
class GoalsTests {

	@Autowired
	Teams teams;

	@Autowired
	Goals goals;

	@Autowired
	Members members;

	@Autowired
	UsageLedger usage;

	@Autowired
	Outcomes outcomes;

	@Autowired
	ChangeVersions versions;

	@Test
	void goalsWhenManagerSubmitsModalStoresGoalAndTeamShowsProgress(SlackTestClient client, FakeSlackApi fake) {
		SlackTestClient slack = client.inNewTeam();
		Team team = createTeam(slack, "Platform", List.of("UGMEM1", "UGMEM2"), List.of("UGLEAD"));
		slack.command("UGLEAD", "goals");
		JsonObject view = fake.calls("views.open").get(0).json("view").getAsJsonObject();
		assertThat(view.get("callback_id").getAsString()).isEqualTo("team_goals");
		assertThat(view.get("private_metadata").getAsString()).isEqualTo(team.id().toString());
		HttpResponse<String> saved = slack.viewSubmission("UGLEAD", "team_goals", team.id().toString(),
				goalValues("month", "30", "10", "4.50", "70", this.goals.today()));
		assertThat(saved.body()).doesNotContain("errors");
		TeamGoal goal = this.goals.current(team.id()).orElseThrow();
		assertThat(goal.targetPoints()).isEqualTo(30);
		assertThat(goal.maxCostPerPoint()).isEqualByComparingTo("4.50");
		assertThat(goal.setBy()).isEqualTo(this.members.member(slack.teamId(), "UGLEAD").getId());
		String progress = SlackMessages.visibleText(slack.command("UGMEM1", "team platform").body());
		assertThat(progress).contains("Platform", "Confirmed points", "0 of 30 (0%)", "Confirmed outcomes",
				"0 of 10 (0%)", "ceiling $4.50", "minimum 70%", "░░░░░░░░░░", "2 members");
	}

	@Test
	void goalsWhenEightManagersSubmitAtOnceKeepsEachGoalAndEveryTeamShowsItsOwnAtOnce(SlackTestClient client) {
		SlackTestClient slack = client.inNewTeam();
		List<Team> teams = IntStream.range(0, 8)
			.mapToObj((i) -> createTeam(slack, "Squad " + i, List.of("UGCMEM" + i), List.of("UGCLEAD" + i)))
			.toList();
		Long workspace = this.members.member(slack.teamId(), "UGCMEM0").getWorkspaceId();
		// every team's progress read (and kept per team version) before the goals change
		for (int i = 0; i < teams.size(); i++) {
			assertThat(SlackMessages.visibleText(slack.command("UGCMEM" + i, "team").body())).contains("Squad " + i,
					"No goals");
		}
		long before = this.versions.teams(workspace);

		List<HttpResponse<String>> answers = Concurrently.run(teams.size(),
				(i) -> slack.viewSubmission("UGCLEAD" + i, "team_goals", teams.get(i).id().toString(),
						ViewState.values()
							.select("goal_period", "period", "week")
							.number("goal_points", "points", String.valueOf(10 + i))
							.number("goal_outcomes", "outcomes", "3")
							.date("goal_start", "start", this.goals.today())));

		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.body()).doesNotContain("errors");
		});
		assertThat(this.versions.teams(workspace)).as("one team version move per goal").isEqualTo(before + 8);
		for (int i = 0; i < teams.size(); i++) {
			assertThat(this.goals.history(teams.get(i).id())).as("one goal each").hasSize(1);
			assertThat(SlackMessages.visibleText(slack.command("UGCMEM" + i, "team").body())).contains("Squad " + i,
					"0 of " + (10 + i) + " (0%)");
		}
	}

	@Test
	void goalsWhenNumbersBadAnswersErrorsNamingBlocksAndChangesNothing(SlackTestClient client) {
		SlackTestClient slack = client.inNewTeam();
		Team team = createTeam(slack, "Infra", List.of("UBMEM"), List.of("UBLEAD"));
		HttpResponse<String> response = slack.viewSubmission("UBLEAD", "team_goals", team.id().toString(),
				goalValues("week", "0", "lots", "-2", "150", this.goals.today().minusMonths(2)));
		assertThat(response.body()).contains("\"response_action\":\"errors\"", "\"goal_points\"", "\"goal_outcomes\"",
				"\"goal_cost\"", "\"goal_confirmed\"", "\"goal_start\"");
		assertThat(response.body()).contains("from 1 to 10000", "whole number", "percentage from 1 to 100");
		assertThat(this.goals.history(team.id())).isEmpty();
	}

	@Test
	void goalsWhenNonManagerReplaysSubmissionIsToldWhyAndChangesNothing(SlackTestClient client, FakeSlackApi fake) {
		SlackTestClient slack = client.inNewTeam();
		Team team = createTeam(slack, "Security", List.of("URMEM"), List.of("URLEAD"));
		slack.viewSubmission("URLEAD", "team_goals", team.id().toString(),
				goalValues("week", "8", "3", null, null, this.goals.today()));
		assertThat(SlackMessages.visibleText(slack.command("URMEM", "goals").body()))
			.contains("Only team managers can set goals");
		assertThat(fake.calls("views.open")).isEmpty();
		HttpResponse<String> replayed = slack.viewSubmission("URMEM", "team_goals", team.id().toString(),
				goalValues("week", "800", "300", null, null, this.goals.today()));
		assertThat(replayed.body()).contains("\"response_action\":\"update\"");
		assertThat(SlackMessages.visibleText(replayed.body())).contains("Only this team's managers can set its goals",
				"Nothing was changed");
		assertThat(this.goals.history(team.id())).hasSize(1);
		assertThat(this.goals.current(team.id()).orElseThrow().targetPoints()).isEqualTo(8);
	}

	@Test
	void goalsWhenManagingSeveralTeamsPicksTeamFirst(SlackTestClient client, FakeSlackApi fake) {
		SlackTestClient slack = client.inNewTeam();
		createTeam(slack, "Alpha", List.of("UPMEM"), List.of("UPLEAD"));
		Team beta = createTeam(slack, "Beta", List.of("UPMEM"), List.of("UPLEAD"));
		Team other = createTeam(slack, "Other", List.of("UPMEM"), List.of("UPOTHER"));
		slack.command("UPLEAD", "goals");
		JsonObject picker = fake.calls("views.open").get(0).json("view").getAsJsonObject();
		assertThat(picker.get("callback_id").getAsString()).isEqualTo("goals_pick_team");
		assertThat(SlackMessages.visibleText(picker.toString())).contains("Alpha", "Beta").doesNotContain("Other");
		HttpResponse<String> next = slack.viewSubmission("UPLEAD", "goals_pick_team", "",
				ViewState.values().select("goal_team", "team", beta.id().toString()));
		assertThat(next.body()).contains("\"response_action\":\"update\"", "team_goals",
				"\"private_metadata\":\"" + beta.id() + "\"");
		HttpResponse<String> notMine = slack.viewSubmission("UPLEAD", "goals_pick_team", "",
				ViewState.values().select("goal_team", "team", other.id().toString()));
		assertThat(notMine.body()).contains("\"goal_team\"");
	}

	@Test
	void teamWhenNotMemberOrSmallTeamSharedIsRefused(SlackTestClient client, FakeSlackApi fake) {
		SlackTestClient slack = client.inNewTeam();
		createTeam(slack, "Tiny", List.of("UTMEM1", "UTMEM2"), List.of("UTLEAD"));
		assertThat(SlackMessages.visibleText(slack.command("UOUTSIDER", "team tiny").body()))
			.contains("Only members and managers of *Tiny* can see its progress");
		String shared = slack.command("UTMEM1", "team tiny share").body();
		assertThat(shared).doesNotContain("in_channel");
		assertThat(SlackMessages.visibleText(shared)).contains("fewer than 5 people", "never posted in channels");
		createTeam(slack, "Large", List.of("UL1", "UL2", "UL3", "UL4", "UL5"), List.of("ULLEAD"));
		assertThat(slack.command("UL1", "team large share").body()).contains("in_channel", "Large");
		this.members.setOptedOut(this.members.member(slack.teamId(), "UL5"), true);
		String afterOptOut = slack.command("UL1", "team large share").body();
		assertThat(afterOptOut).doesNotContain("in_channel");
		assertThat(SlackMessages.visibleText(slack.command("UL1", "team large").body()))
			.contains("1 opted out, not counted");
	}

	@Test
	void teamWhenMembersUsedAiShowsEstimatedCost(SlackTestClient client) {
		SlackTestClient slack = client.inNewTeam();
		createTeam(slack, "Costly", List.of("UCOST1", "UCOST2"), List.of("UCOSTLEAD"));
		Instant now = Instant.now();
		this.usage.ingest(this.members.workspace(slack.teamId()).getId(),
				List.of(new UsageInput("cost-1", UsageIdentity.slackId("UCOST1"), "claude-code", "claude-sonnet-4-5",
						now.minusSeconds(60), now, 1_000_000, 100_000, 0, 0, 0, 3, null)));
		assertThat(SlackMessages.visibleText(slack.command("UCOST2", "team").body())).contains("Costly",
				"$4.50 estimated AI cost");
	}

	@Test
	void teamWhenOutcomesConfirmedShowsPointsAgainstGoal(SlackTestClient client) {
		SlackTestClient slack = client.inNewTeam();
		Team team = createTeam(slack, "Delivery", List.of("UOC1", "UOC2"), List.of("UOCLEAD"));
		Member lead = this.members.member(slack.teamId(), "UOCLEAD");
		this.goals.set(team.id(), new GoalDraft(GoalPeriod.WEEK, 10, 2, null, 60, this.goals.today()), lead);
		Long reporter = this.members.member(slack.teamId(), "UOC1").getId();
		OutcomeDetails shipped = this.outcomes.report(reporter, new OutcomeDraft(OutcomeKind.PR_MERGED,
				"Billing export", null, OutcomeSize.L, this.goals.today(), List.of(), null, null));
		this.outcomes.confirm(shipped.id(), this.members.member(slack.teamId(), SlackTestClient.ADMIN_USER).getId());
		this.outcomes.report(this.members.member(slack.teamId(), "UOC2").getId(), new OutcomeDraft(OutcomeKind.DOC,
				"Runbook", null, OutcomeSize.M, this.goals.today(), List.of(), null, null));
		assertThat(SlackMessages.visibleText(slack.command("UOC2", "team delivery").body())).contains("8 of 10 (80%)",
				"1 of 2 (50%)", "50% of 2 reported", "below the minimum");
	}

	private static ViewState goalValues(String period, String points, String outcomes, String cost, String confirmed,
			LocalDate start) {
		return ViewState.values()
			.select("goal_period", "period", period)
			.number("goal_points", "points", points)
			.number("goal_outcomes", "outcomes", outcomes)
			.number("goal_cost", "cost", cost)
			.number("goal_confirmed", "confirmed", confirmed)
			.date("goal_start", "start", start);
	}

	private Team createTeam(SlackTestClient slack, String name, List<String> memberIds, List<String> managerIds) {
		return TeamFixtures.create(this.teams, this.members, slack, name, memberIds, managerIds);
	}

}
