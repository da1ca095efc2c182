package dev.legends.slack.digest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.legends.outcomes.OutcomeDetails;
import dev.legends.outcomes.OutcomeDraft;
import dev.legends.outcomes.OutcomeKind;
import dev.legends.outcomes.OutcomeSize;
import dev.legends.outcomes.Outcomes;
import dev.legends.teams.GoalDraft;
import dev.legends.teams.GoalPeriod;
import dev.legends.teams.Goals;
import dev.legends.teams.Team;
import dev.legends.teams.TeamChange;
import dev.legends.teams.Teams;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackCall;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;
import dev.legends.usage.UsageLedger;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A digest without a team covers the people in its channel, as Slack lists them with
 * {@code conversations.members}: {@code /legends digest now} in a channel, then what was
 * posted there.
 */
@LegendsAppTest
class ChannelDigestTests {

	static final String ADMIN = SlackTestClient.ADMIN_USER;

	@Autowired
	Members members;

	@Autowired
	Outcomes outcomes;

	@Autowired
	UsageLedger usage;

	@Autowired
	Teams teams;

	@Autowired
	Goals goals;

	@Test
	void digestNowWhenNoTeamShowsOnlyTheChannelsMembers(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient workspace = slack.inNewTeam();
		String suffix = workspace.teamId();
		Channel channel = channel(workspace, fake, "CCHAN1");
		fake.setChannelMembers("CCHAN1", channel.slackIdsWith(FakeSlackApi.BOT_USER_ID, "UNOBODY" + suffix));
		Member oscar = person(workspace, fake, "UOSCAR" + suffix, "Oscar Outside");
		Team core = this.teams.save(new TeamChange(null, oscar.getWorkspaceId(), "Core", channel.ids(),
				Set.of(admin(workspace).getId()), null, null), admin(workspace));
		this.goals.set(core.id(), new GoalDraft(GoalPeriod.WEEK, 10, 2, new BigDecimal("1.50"), 70, this.goals.today()),
				admin(workspace));
		Team elsewhere = this.teams.save(new TeamChange(null, oscar.getWorkspaceId(), "Elsewhere",
				Set.of(oscar.getId(), channel.people().get(1).getId(), channel.people().get(2).getId(),
						channel.people().get(3).getId(), channel.people().get(4).getId()),
				Set.of(admin(workspace).getId()), null, null), admin(workspace));
		this.goals.set(elsewhere.id(), new GoalDraft(GoalPeriod.WEEK, 40, 5, null, null, this.goals.today()),
				admin(workspace));
		Member ines = channel.people().get(0);
		confirmedOutcome(ines, channel.people().get(1), OutcomeSize.M);
		spend(ines, 1_000_000, 200_000);
		confirmedOutcome(oscar, channel.people().get(2), OutcomeSize.L);
		spend(oscar, 10_000_000, 0);

		SlackCall post = digestNow(workspace, fake, "CCHAN1");

		assertThat(post.param("text")).contains("1 confirmed outcome (3 points)").contains("estimated cost $6.00");
		assertThat(post.param("blocks")).contains("Ines In")
			.contains("Core · Confirmed points this week")
			.contains("Core · Cost per confirmed point this week: $2.00 — above the ceiling of $1.50")
			.contains("Core · Share of outcomes confirmed this week: 100% — meets the minimum of 70%")
			.doesNotContain("Oscar")
			.doesNotContain("Elsewhere")
			.doesNotContain("whole workspace");
		assertThat(fake.calls("conversations.members")).extracting((call) -> call.param("channel"))
			.containsOnly("CCHAN1");
	}

	@Test
	void digestNowWhenChannelHasManyMembersReadsEveryPage(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient workspace = slack.inNewTeam();
		Channel channel = channel(workspace, fake, "CCHAN2");
		List<String> listed = new ArrayList<>(IntStream.range(0, 1500).mapToObj((i) -> "UFILL" + i).toList());
		listed.addAll(channel.slackIdsWith());
		fake.setChannelMembers("CCHAN2", listed);
		confirmedOutcome(channel.people().get(4), channel.people().get(0), OutcomeSize.S);

		SlackCall post = digestNow(workspace, fake, "CCHAN2");

		assertThat(post.param("text")).contains("1 confirmed outcome (1 point)");
		assertThat(post.param("blocks")).contains("Eve In");
		assertThat(fake.calls("conversations.members")).hasSize(2);
		assertThat(fake.calls("conversations.members").get(1).param("cursor")).isNotBlank();
		awaitChart(fake, "CCHAN2");
	}

	@Test
	void digestNowWhenChannelHasFewerThanFivePeopleLeavesFiguresOut(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient workspace = slack.inNewTeam();
		Channel channel = channel(workspace, fake, "CCHAN3");
		fake.setChannelMembers("CCHAN3", channel.slackIdsWith().subList(0, 2));
		confirmedOutcome(channel.people().get(0), channel.people().get(1), OutcomeSize.M);
		spend(channel.people().get(0), 1_000_000, 0);

		SlackCall post = digestNow(workspace, fake, "CCHAN3");

		assertThat(post.param("blocks")).contains("Ines In")
			.contains("at least five people in this channel")
			.doesNotContain("Estimated cost");
		assertThat(fake.uploadsTo("CCHAN3")).isEmpty();
	}

	@Test
	void digestNowWhenSlackWillNotListMembersCoversTheWorkspaceAndSaysWhy(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient workspace = slack.inNewTeam();
		String suffix = workspace.teamId();
		Channel channel = channel(workspace, fake, "CCHAN4");
		fake.setChannelMembers("CCHAN4", channel.slackIdsWith());
		fake.errorNext("conversations.members", "missing_scope");
		Member oscar = person(workspace, fake, "UOSCAR" + suffix, "Oscar Outside");
		confirmedOutcome(oscar, channel.people().get(2), OutcomeSize.L);

		SlackCall post = digestNow(workspace, fake, "CCHAN4");

		assertThat(post.param("text")).contains("1 confirmed outcome (8 points)");
		assertThat(post.param("blocks")).contains("Oscar Outside")
			.contains("covers everyone in the workspace")
			.contains("missing_scope")
			.contains("channels:read");
	}

	private SlackCall digestNow(SlackTestClient workspace, FakeSlackApi fake, String channelId) {
		workspace.command(ADMIN, "digest now", channelId);
		List<SlackCall> posts = List.of();
		Instant deadline = Instant.now().plusSeconds(20);
		while (posts.isEmpty() && Instant.now().isBefore(deadline)) {
			posts = fake
				.calls((call) -> call.method().equals("chat.postMessage") && channelId.equals(call.param("channel")));
			sleep();
		}
		assertThat(posts).hasSize(1);
		return posts.get(0);
	}

	/** Waits for the chart a digest posts in its thread after the message. */
	private void awaitChart(FakeSlackApi fake, String channelId) {
		Instant deadline = Instant.now().plusSeconds(20);
		while (fake.uploadsTo(channelId).isEmpty() && Instant.now().isBefore(deadline)) {
			sleep();
		}
		assertThat(fake.uploadsTo(channelId)).hasSize(1);
	}

	/** Five people in a channel: Ines, Bo, Cy, Di and Eve. */
	private Channel channel(SlackTestClient workspace, FakeSlackApi fake, String channelId) {
		String suffix = workspace.teamId();
		List<Member> people = new ArrayList<>();
		for (String name : List.of("Ines", "Bo", "Cy", "Di", "Eve")) {
			people.add(person(workspace, fake, "U" + name.toUpperCase() + suffix, name + " In"));
		}
		return new Channel(channelId, people);
	}

	private Member person(SlackTestClient workspace, FakeSlackApi fake, String userId, String name) {
		fake.addUser(SlackUser.of(userId, name));
		return this.members.member(workspace.teamId(), userId);
	}

	private Member admin(SlackTestClient workspace) {
		return this.members.member(workspace.teamId(), ADMIN);
	}

	private void confirmedOutcome(Member reporter, Member confirmer, OutcomeSize size) {
		OutcomeDetails outcome = this.outcomes.report(reporter.getId(),
				new OutcomeDraft(OutcomeKind.PR_MERGED, "Shipped by " + reporter.getDisplayName(), null, size,
						LocalDate.now(ZoneOffset.UTC), List.of(), confirmer.getId(), null));
		this.outcomes.confirm(outcome.id(), confirmer.getId());
	}

	private void spend(Member member, long input, long output) {
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
		this.usage.ingest(member.getWorkspaceId(),
				List.of(new UsageInput(null, UsageIdentity.slackId(member.getSlackUserId()), "claude-code",
						"claude-sonnet-4-5", hour, hour, input, output, 0, 0, 0, 10, null)));
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Channel(String id, List<Member> people) {

		Set<Long> ids() {
			return this.people.stream().map(Member::getId).collect(Collectors.toSet());
		}

		List<String> slackIdsWith(String... others) {
			List<String> ids = new ArrayList<>(this.people.stream().map(Member::getSlackUserId).toList());
			ids.addAll(List.of(others));
			return ids;
		}

	}

}
