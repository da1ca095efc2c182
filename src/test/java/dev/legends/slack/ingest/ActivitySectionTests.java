package dev.legends.slack.ingest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import dev.legends.ingest.ActivitySignal;
import dev.legends.ingest.CodingActivity;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackMessages;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import dev.legends.usage.UsageIdentity;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@LegendsAppTest
class ActivitySectionTests {

	@Autowired
	private Members members;

	@Autowired
	private CodingActivity activity;

	@Test
	void meWhenClaudeCodeActivityImportedShowsItAsActivityNotOutcomes(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(new SlackUser("UACTIVE1", "Active Ada", "active.ada@example.com", "UTC", false));
		Member ada = this.members.member(team.teamId(), "UACTIVE1");
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		this.activity.record(ada.getWorkspaceId(), "claude-code-analytics",
				List.of(new ActivitySignal(UsageIdentity.email("active.ada@example.com"), today, 5, 1543, 892, 12, 2)));
		String me = SlackMessages.visibleText(team.command("UACTIVE1", "me").body());
		assertThat(me).contains("Claude Code activity this week", "activity, not outcomes", "5 sessions",
				"+1,543 / −892 lines", "12 commits", "2 pull requests");
	}

	@Test
	void whyWhenClaudeCodeActivityImportedShowsItBesideTheArithmeticAsActivity(SlackTestClient slack,
			FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(new SlackUser("UACTIVE3", "Active Alan", "active.alan@example.com", "UTC", false));
		Member alan = this.members.member(team.teamId(), "UACTIVE3");
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		this.activity.record(alan.getWorkspaceId(), "claude-code-analytics",
				List.of(new ActivitySignal(UsageIdentity.slackId("UACTIVE3"), today, 7, 300, 20, 4, 1)));
		String why = SlackMessages.visibleText(team.command("UACTIVE3", "why").body());
		assertThat(why).contains("Claude Code activity in Week", "activity, not outcomes", "7 sessions",
				"+300 / −20 lines", "4 commits", "1 pull requests");
		assertThat(SlackMessages.visibleText(team.command("UACTIVE3", "why last week").body()))
			.doesNotContain("Claude Code activity");
	}

	@Test
	void meWhenActivityReportedUnderAKeyNameMappedToThePersonCountsIt(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(new SlackUser("UACTIVE4", "Keyed Kim", "keyed.kim@example.com", "UTC", false));
		Member kim = this.members.member(team.teamId(), "UACTIVE4");
		this.activity.record(kim.getWorkspaceId(), "claude-code-analytics", List
			.of(new ActivitySignal(UsageIdentity.apiKeyName("kim-ci"), LocalDate.now(ZoneOffset.UTC), 3, 40, 4, 1, 0)));
		assertThat(SlackMessages.visibleText(team.command("UACTIVE4", "me").body()))
			.doesNotContain("Claude Code activity");
		assertThat(SlackMessages.visibleText(
				team.command(SlackTestClient.ADMIN_USER, "key map api_key_name kim-ci <@UACTIVE4|kim>").body()))
			.contains("Keyed Kim");
		assertThat(SlackMessages.visibleText(team.command("UACTIVE4", "me").body())).contains("3 sessions",
				"+40 / −4 lines", "1 commits");
	}

	@Test
	void meWhenNoActivityImportedLeavesTheSectionOut(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(new SlackUser("UQUIET2", "Quiet Quentin", "quiet.quentin@example.com", "UTC", false));
		assertThat(SlackMessages.visibleText(team.command("UQUIET2", "me").body()))
			.doesNotContain("Claude Code activity");
		// the workspace's first import shows at once (a workspace without any is not
		// asked about each person's activity)
		Member quentin = this.members.member(team.teamId(), "UQUIET2");
		this.activity.record(quentin.getWorkspaceId(), "claude-code-analytics", List
			.of(new ActivitySignal(UsageIdentity.slackId("UQUIET2"), LocalDate.now(ZoneOffset.UTC), 2, 10, 1, 0, 0)));
		assertThat(SlackMessages.visibleText(team.command("UQUIET2", "me").body())).contains("2 sessions");
	}

}
