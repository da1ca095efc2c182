package dev.legends.digest;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.legends.teams.Team;
import dev.legends.teams.TeamChange;
import dev.legends.teams.Teams;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackCall;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.TestClockConfiguration;
import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;
import dev.legends.usage.UsageLedger;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a digest says, from real usage through scoring: cost set against (missing)
 * outcomes, and no team figures in channels for small teams.
 */
@LegendsAppTest
@Import(TestClockConfiguration.class)
class DigestContentTests {

	@Autowired
	DigestSchedules schedules;

	@Autowired
	DigestRunner runner;

	@Autowired
	Members members;

	@Autowired
	UsageLedger usage;

	@Autowired
	Teams teams;

	@Test
	void digestWhenUsageButNoOutcomesShowsCostAndSaysNothingWasConfirmed(SlackTestClient slack, FakeSlackApi fake) {
		String teamId = slack.inNewTeam().teamId();
		Member spender = this.members.member(teamId, "USPEND1");
		List.of("USPEND2", "USPEND3", "USPEND4", "USPEND5").forEach((id) -> this.members.member(teamId, id));
		fake.setChannelMembers("CSPEND1", List.of("USPEND1", "USPEND2", "USPEND3", "USPEND4", "USPEND5"));
		this.usage.ingest(spender.getWorkspaceId(),
				List.of(new UsageInput("spend-1", UsageIdentity.slackId("USPEND1"), "claude-code", "claude-sonnet-4-5",
						Instant.parse("2026-11-18T10:00:00Z"), Instant.parse("2026-11-18T10:59:59Z"), 1_000_000,
						200_000, 0, 0, 0, 10, new BigDecimal("6.00"))));
		DigestSchedule schedule = this.schedules.save(spender.getWorkspaceId(), "CSPEND1",
				new ScheduleSettings(null, DayOfWeek.MONDAY, LocalTime.of(8, 0), ZoneOffset.UTC,
						EnumSet.allOf(DigestSection.class), spender.getId()));
		assertThat(this.runner.runScheduled(schedule.getId(), TestClockConfiguration.START).join())
			.isEqualTo(DigestRunner.Outcome.POSTED);
		SlackCall post = post(fake, "CSPEND1");
		assertThat(post.param("text")).contains("0 confirmed outcomes").contains("estimated cost $6.00");
		assertThat(post.param("blocks")).contains("with no confirmed outcome yet")
			.contains("1.0M input")
			.contains("200.0k output")
			.doesNotContain("USPEND1");
	}

	@Test
	void digestWhenTeamSmallerThanFiveLeavesTeamFiguresOut(SlackTestClient slack, FakeSlackApi fake) {
		String teamId = slack.inNewTeam().teamId();
		Member admin = this.members.member(teamId, SlackTestClient.ADMIN_USER);
		Member dev = this.members.member(teamId, "USMALL1");
		Team team = this.teams.save(new TeamChange(null, admin.getWorkspaceId(), "Tiny", Set.of(dev.getId()),
				Set.of(admin.getId()), null, null), admin);
		DigestSchedule schedule = this.schedules.save(admin.getWorkspaceId(), "CSMALL1",
				new ScheduleSettings(team.id(), DayOfWeek.MONDAY, LocalTime.of(8, 0), ZoneOffset.UTC,
						EnumSet.allOf(DigestSection.class), admin.getId()));
		this.runner.runScheduled(schedule.getId(), TestClockConfiguration.START).join();
		SlackCall post = post(fake, "CSMALL1");
		assertThat(post.param("blocks")).contains("Weekly digest · Tiny")
			.contains("only for teams of five or more")
			.doesNotContain("Estimated cost");
		assertThat(fake.uploadsTo("CSMALL1")).isEmpty();
	}

	private static SlackCall post(FakeSlackApi fake, String channel) {
		List<SlackCall> posts = fake
			.calls((call) -> call.method().equals("chat.postMessage") && channel.equals(call.param("channel")));
		assertThat(posts).hasSize(1);
		return posts.get(0);
	}

}
