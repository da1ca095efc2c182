package dev.legends.digest;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackCall;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.TestClockConfiguration;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Digests due at the same moment: the first trigger to fire starts them all, and each
 * channel still gets each digest once.
 */
@LegendsAppTest
@Import(TestClockConfiguration.class)
class DigestDueTogetherTests {

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	/** Wednesday 25 November 2026, 13:37 in Tokyo: no other test's digest is due then. */
	static final Instant DUE = Instant.parse("2026-11-25T04:37:00Z");

	@Autowired
	DigestSchedules schedules;

	@Autowired
	DigestRunner runner;

	@Autowired
	Members members;

	@Test
	void runFiredWhenOthersAreDueAtTheSameTimePostsEachOnceAndLeavesTheRestAlone(SlackTestClient slack,
			FakeSlackApi fake) {
		String teamId = slack.inNewTeam().teamId();
		Member owner = this.members.member(teamId, SlackTestClient.ADMIN_USER);
		Member other = this.members.member(slack.inNewTeam().teamId(), SlackTestClient.ADMIN_USER);
		DigestSchedule fired = schedule(owner, "CTOGETHER1", LocalTime.of(13, 37));
		DigestSchedule sameChannelOtherWorkspace = schedule(other, "CTOGETHER1", LocalTime.of(13, 37));
		DigestSchedule otherChannel = schedule(owner, "CTOGETHER2", LocalTime.of(13, 37));
		schedule(owner, "CTOGETHER3", LocalTime.of(13, 38));

		this.runner.runFired(fired.getId(), DUE.plusMillis(40), Duration.ofHours(1)).join();
		fake.awaitCalls("chat.postMessage", 3, Duration.ofSeconds(10));
		for (DigestSchedule schedule : List.of(sameChannelOtherWorkspace, otherChannel, fired)) {
			assertThat(this.runner.runFired(schedule.getId(), DUE.plusMillis(90), Duration.ofHours(1)).join())
				.isIn(DigestRunner.Outcome.ALREADY_POSTED, DigestRunner.Outcome.IN_FLIGHT);
		}

		assertThat(posts(fake, "CTOGETHER1")).hasSize(2);
		assertThat(posts(fake, "CTOGETHER2")).hasSize(1);
		assertThat(posts(fake, "CTOGETHER3")).isEmpty();
		assertThat(posts(fake, "CTOGETHER1"))
			.extracting((post) -> post.json("metadata")
				.getAsJsonObject()
				.getAsJsonObject("event_payload")
				.get("schedule_id")
				.getAsLong())
			.containsExactlyInAnyOrder(fired.getId(), sameChannelOtherWorkspace.getId());
	}

	private DigestSchedule schedule(Member owner, String channelId, LocalTime time) {
		return this.schedules.save(owner.getWorkspaceId(), channelId, new ScheduleSettings(null, DayOfWeek.WEDNESDAY,
				time, TOKYO, EnumSet.of(DigestSection.TOTALS), owner.getId()));
	}

	private static List<SlackCall> posts(FakeSlackApi fake, String channelId) {
		return fake
			.calls((call) -> call.method().equals("chat.postMessage") && channelId.equals(call.param("channel")));
	}

}
