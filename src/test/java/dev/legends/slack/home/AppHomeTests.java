package dev.legends.slack.home;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.google.gson.JsonObject;
import dev.legends.outcomes.OutcomeDraft;
import dev.legends.outcomes.OutcomeKind;
import dev.legends.outcomes.OutcomeSize;
import dev.legends.outcomes.Outcomes;
import dev.legends.teams.Team;
import dev.legends.teams.TeamChange;
import dev.legends.teams.Teams;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackCall;
import dev.legends.testkit.SlackMessages;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.ViewState;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * App Home is published on {@code app_home_opened} with each role's view, and refreshed
 * after goal changes; its Set goals button re-checks the role.
 */
@LegendsAppTest
class AppHomeTests {

	@Autowired
	Teams teams;

	@Autowired
	Members members;

	@Autowired
	dev.legends.usage.UsageLedger usage;

	@Autowired
	Outcomes outcomes;

	@Test
	void appHomeOpenedWhenMemberPublishesWeekAndTeams(SlackTestClient client, FakeSlackApi fake) {
		SlackTestClient slack = client.inNewTeam();
		team(slack, "Orbit", "UHMEM", "UHLEAD");
		assertThat(slack.appHomeOpened("UHMEM").statusCode()).isEqualTo(200);
		String home = published(fake, "UHMEM");
		assertThat(home).contains("\"type\":\"home\"", "Your week", "Report outcome", "My outcomes",
				"Your teams: *Orbit*");
		assertThat(home).doesNotContain("Teams you manage", "Admin");
	}

	@Test
	void appHomeOpenedWhenSlackRefusesToPublishIsStillAnsweredAndTheNextOpeningPublishes(SlackTestClient client,
			FakeSlackApi fake) {
		SlackTestClient slack = client.inNewTeam();
		fake.failNext("views.publish", 429, 1);
		HttpResponse<String> limited = slack.appHomeOpened("UHLIMIT");
		assertThat(limited.statusCode()).isEqualTo(200);
		assertThat(limited.body()).doesNotContain("hit a snag");
		fake.errorNext("views.publish", "not_enabled");
		HttpResponse<String> refused = slack.appHomeOpened("UHLIMIT");
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).doesNotContain("hit a snag");

		assertThat(slack.appHomeOpened("UHLIMIT").statusCode()).isEqualTo(200);
		assertThat(publishedTo(fake, "UHLIMIT")).as("each opening tried once, none retried").hasSize(3);
		assertThat(published(fake, "UHLIMIT")).contains("\"type\":\"home\"", "Your week", "Report outcome");
	}

	@Test
	void appHomeOpenedWhenManagerShowsTeamProgressWithSetGoals(SlackTestClient client, FakeSlackApi fake) {
		SlackTestClient slack = client.inNewTeam();
		team(slack, "Orbit", "UHMEM2", "UHLEAD2");
		slack.appHomeOpened("UHLEAD2");
		String home = published(fake, "UHLEAD2");
		assertThat(home).contains("Teams you manage", "*Orbit*", "No goals set yet", "Set goals", "home_set_goals");
		assertThat(home).doesNotContain("\"Admin\"");
	}

	@Test
	void appHomeOpenedWhenAdminShowsAdminSection(SlackTestClient client, FakeSlackApi fake) {
		SlackTestClient slack = client.inNewTeam();
		team(slack, "Orbit", "UHMEM3", "UHLEAD3");
		slack.command(SlackTestClient.ADMIN_USER, "key create nightly-export");
		slack.appHomeOpened(SlackTestClient.ADMIN_USER);
		assertThat(published(fake, SlackTestClient.ADMIN_USER)).contains("Admin", "*Teams* (1): Orbit (1)",
				"Usage ingest", "nothing received in the last 7 days", "*Ingest keys* (1)",
				"`nightly-export`: never used");
	}

	@Test
	void appHomeOpenedWhenUsageArrivedShowsEachSourceToAdmins(SlackTestClient client, FakeSlackApi fake) {
		SlackTestClient slack = client.inNewTeam();
		Member admin = this.members.member(slack.teamId(), SlackTestClient.ADMIN_USER);
		java.time.Instant start = java.time.Instant.now().minus(java.time.Duration.ofHours(3));
		this.usage.ingest(admin.getWorkspaceId(),
				java.util.List.of(new dev.legends.usage.UsageInput("home-src-1",
						dev.legends.usage.UsageIdentity.email("someone@example.com"), "claude-code",
						"claude-sonnet-4-5", start, start.plusSeconds(60), 100, 50, 0, 0, 0, 1, null)));
		slack.appHomeOpened(SlackTestClient.ADMIN_USER);
		assertThat(published(fake, SlackTestClient.ADMIN_USER)).contains("*Sources* (1)", "`claude-code`: newest usage",
				"(1 records)");
	}

	@Test
	void appHomeOpenedWhenOptedOutSaysSo(SlackTestClient client, FakeSlackApi fake) {
		SlackTestClient slack = client.inNewTeam();
		slack.command("UHOPT", "optout");
		slack.appHomeOpened("UHOPT");
		assertThat(published(fake, "UHOPT")).contains("You're opted out", "/legends optin");
	}

	@Test
	void setGoalsButtonWhenClickedChecksManagerAndGoalChangeRefreshesHome(SlackTestClient client, FakeSlackApi fake) {
		SlackTestClient slack = client.inNewTeam();
		Team team = team(slack, "Orbit", "UHMEM4", "UHLEAD4");
		slack.appHomeOpened("UHLEAD4");
		JsonObject home = homeView();
		slack.blockAction("UHMEM4", "home_set_goals", team.id().toString(), home);
		assertThat(fake.calls("views.open")).singleElement()
			.satisfies((call) -> assertThat(call.visibleText()).contains("Not allowed"));
		slack.blockAction("UHLEAD4", "home_set_goals", team.id().toString(), home);
		assertThat(fake.calls("views.open")).hasSize(2)
			.last()
			.satisfies((call) -> assertThat(call.json("view").getAsJsonObject().get("callback_id").getAsString())
				.isEqualTo("team_goals"));
		slack.viewSubmission("UHLEAD4", "team_goals", team.id().toString(),
				ViewState.values()
					.select("goal_period", "period", "week")
					.number("goal_points", "points", "12")
					.number("goal_outcomes", "outcomes", "4")
					.date("goal_start", "start", LocalDate.now(ZoneOffset.UTC)));
		assertThat(awaitPublished(fake, "UHLEAD4", "0 of 12")).isTrue();
	}

	@Test
	void myOutcomesButtonWhenClickedListsRecentOutcomesWithStatus(SlackTestClient client, FakeSlackApi fake) {
		SlackTestClient slack = client.inNewTeam();
		Long me = this.members.member(slack.teamId(), "UHMINE").getId();
		this.outcomes.report(me, new OutcomeDraft(OutcomeKind.BUG_FIXED, "Fixed the login loop", null, OutcomeSize.M,
				LocalDate.now(ZoneOffset.UTC), List.of(), null, null));
		slack.blockAction("UHMINE", "home_my_outcomes", "", homeView());
		assertThat(SlackMessages.visibleText(fake.calls("views.open").get(0).param("view"))).contains("My outcomes",
				"Fixed the login loop", "awaiting confirmation");
	}

	@Test
	void reportOutcomeButtonWhenClickedOpensTheOutcomeModal(SlackTestClient client, FakeSlackApi fake) {
		SlackTestClient slack = client.inNewTeam();
		slack.blockAction("UHREP", "home_report_outcome", "", homeView());
		assertThat(fake.calls("views.open")).singleElement()
			.satisfies((call) -> assertThat(call.json("view").getAsJsonObject().get("callback_id").getAsString())
				.isEqualTo("outcome_report"));
	}

	@Test
	void publishLaterWhenPersonNeverOpenedHomeSendsNothing(SlackTestClient client, FakeSlackApi fake) {
		SlackTestClient slack = client.inNewTeam();
		Team team = team(slack, "Quiet", "UHQMEM", "UHQLEAD");
		assertThat(fake.calls("views.publish")).isEmpty();
		slack.viewSubmission("UHQLEAD", "team_goals", team.id().toString(),
				ViewState.values()
					.select("goal_period", "period", "week")
					.number("goal_points", "points", "5")
					.number("goal_outcomes", "outcomes", "2")
					.date("goal_start", "start", LocalDate.now(ZoneOffset.UTC)));
		fake.awaitCalls("views.publish", 1, Duration.ofSeconds(1));
		assertThat(fake.calls("views.publish")).isEmpty();
	}

	private static JsonObject homeView() {
		JsonObject home = new JsonObject();
		home.addProperty("id", "VHOME");
		home.addProperty("type", "home");
		return home;
	}

	private Team team(SlackTestClient slack, String name, String memberUserId, String managerUserId) {
		Member admin = this.members.member(slack.teamId(), SlackTestClient.ADMIN_USER);
		Member member = this.members.member(slack.teamId(), memberUserId);
		Member manager = this.members.member(slack.teamId(), managerUserId);
		return this.teams.save(new TeamChange(null, admin.getWorkspaceId(), name, java.util.Set.of(member.getId()),
				java.util.Set.of(manager.getId()), null, null), admin);
	}

	private static String published(FakeSlackApi fake, String userId) {
		List<SlackCall> calls = publishedTo(fake, userId);
		assertThat(calls).isNotEmpty();
		return SlackMessages.visibleText(calls.get(calls.size() - 1).param("view")) + "\n"
				+ calls.get(calls.size() - 1).param("view");
	}

	private static boolean awaitPublished(FakeSlackApi fake, String userId, String text) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			if (publishedTo(fake, userId).stream().anyMatch((call) -> call.visibleText().contains(text))) {
				return true;
			}
			fake.awaitCalls("views.publish", Integer.MAX_VALUE, Duration.ofMillis(100));
		}
		return false;
	}

	private static List<SlackCall> publishedTo(FakeSlackApi fake, String userId) {
		return fake.calls((call) -> call.method().equals("views.publish") && userId.equals(call.param("user_id")));
	}

}
