package dev.legends.digest;

import java.time.Instant;
import java.util.List;

import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.MutableClock;
import dev.legends.testkit.SlackCall;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import dev.legends.testkit.TestClockConfiguration;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly nudge: Friday 15:00 in each person's own timezone, once per week, never to
 * people who opted out or are on vacation.
 */
@LegendsAppTest
@Import(TestClockConfiguration.class)
class NudgeTests {

	@Autowired
	Nudges nudges;

	@Autowired
	Members members;

	@Autowired
	MutableClock clock;

	@Test
	void sendDueWhenFridayAfternoonReachedInEachTimezoneNudgesEachPersonOnce(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(new SlackUser("UNTOKYO", "Kenji", "kenji@example.com", "Asia/Tokyo", false));
		fake.addUser(new SlackUser("UNLA", "Lena", "lena@example.com", "America/Los_Angeles", false));
		fake.addUser(new SlackUser("UNOUT", "Otto", "otto@example.com", "Asia/Tokyo", false));
		fake.addUser(new SlackUser("UNAWAY", "Vera", "vera@example.com", "Asia/Tokyo", false));
		this.members.member(team.teamId(), "UNTOKYO");
		this.members.member(team.teamId(), "UNLA");
		this.members.setOptedOut(this.members.member(team.teamId(), "UNOUT"), true);
		this.members.setOnVacation(this.members.member(team.teamId(), "UNAWAY"), true);
		try {
			// Friday 27 Nov 2026 06:30 UTC: 15:30 in Tokyo, still Thursday evening in Los
			// Angeles
			this.clock.set(Instant.parse("2026-11-27T06:30:00Z"));
			this.nudges.sendDue();
			this.nudges.sendDue();
			assertThat(dms(fake, "UNTOKYO")).hasSize(1);
			assertThat(dms(fake, "UNLA")).isEmpty();
			// Saturday 00:30 UTC: Friday 16:30 in Los Angeles
			this.clock.set(Instant.parse("2026-11-28T00:30:00Z"));
			this.nudges.sendDue();
			assertThat(dms(fake, "UNLA")).hasSize(1);
			assertThat(dms(fake, "UNTOKYO")).hasSize(1);
			assertThat(dms(fake, "UNOUT")).isEmpty();
			assertThat(dms(fake, "UNAWAY")).isEmpty();
			SlackCall nudge = dms(fake, "UNTOKYO").get(0);
			assertThat(nudge.param("blocks")).contains("digest_report_outcome").contains("Report an outcome");
			assertThat(nudge.param("text")).contains("What did you ship this week?");
			// the next Friday, a new week: one more nudge
			this.clock.set(Instant.parse("2026-12-04T07:00:00Z"));
			this.nudges.sendDue();
			assertThat(dms(fake, "UNTOKYO")).hasSize(2);
		}
		finally {
			this.clock.set(TestClockConfiguration.START);
		}
	}

	private static List<SlackCall> dms(FakeSlackApi fake, String userId) {
		return fake.calls((call) -> call.method().equals("chat.postMessage") && userId.equals(call.param("channel")));
	}

}
