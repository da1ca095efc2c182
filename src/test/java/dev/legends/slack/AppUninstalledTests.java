package dev.legends.slack;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import com.google.gson.JsonObject;
import dev.legends.digest.DigestSchedule;
import dev.legends.digest.DigestSchedules;
import dev.legends.digest.DigestSection;
import dev.legends.digest.ScheduleSettings;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackCall;
import dev.legends.testkit.SlackTestClient;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One workspace ({@code SLACK_BOT_TOKEN}): {@code app_uninstalled} pauses its digests
 * (nothing is attempted, even when the job is fired), and its people using Legends again
 * after a reinstall resume them.
 */
@LegendsAppTest
class AppUninstalledTests {

	@Autowired
	Members members;

	@Autowired
	DigestSchedules schedules;

	@Autowired
	Scheduler scheduler;

	@Test
	void appUninstalledWhenDigestScheduledPausesItAndACommandAfterReinstallResumesIt(SlackTestClient slack,
			FakeSlackApi fake) throws Exception {
		// the bot token's own team (auth.test), which single-workspace mode serves
		SlackTestClient team = slack.inTeam(FakeSlackApi.TEAM_ID);
		String channel = "CUNINST" + System.nanoTime();
		Member owner = this.members.member(team.teamId(), SlackTestClient.ADMIN_USER);
		DigestSchedule schedule = this.schedules.save(owner.getWorkspaceId(), channel,
				new ScheduleSettings(null, DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneOffset.UTC,
						EnumSet.allOf(DigestSection.class), owner.getId()));
		try {
			JsonObject event = new JsonObject();
			event.addProperty("type", "app_uninstalled");
			assertThat(team.event(event).statusCode()).isEqualTo(200);
			assertThat(state(schedule)).isEqualTo(Trigger.TriggerState.PAUSED);

			this.scheduler.triggerJob(job(schedule));
			Thread.sleep(1500);
			assertThat(fake.calls((call) -> channel.equals(call.param("channel")))).isEmpty();

			assertThat(team.command(SlackTestClient.ADMIN_USER, "help").statusCode()).isEqualTo(200);
			assertThat(state(schedule)).isEqualTo(Trigger.TriggerState.NORMAL);
			this.scheduler.triggerJob(job(schedule));
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (posts(fake, channel).isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(posts(fake, channel)).hasSize(1);
		}
		finally {
			this.members.activate(FakeSlackApi.TEAM_ID);
			this.schedules.turnOff(owner.getWorkspaceId(), channel);
		}
	}

	private static List<SlackCall> posts(FakeSlackApi fake, String channel) {
		return fake.calls((call) -> call.method().equals("chat.postMessage") && channel.equals(call.param("channel")));
	}

	private static JobKey job(DigestSchedule schedule) {
		return JobKey.jobKey("digest-" + schedule.getId(), "digest");
	}

	private Trigger.TriggerState state(DigestSchedule schedule) throws Exception {
		return this.scheduler.getTriggerState(TriggerKey.triggerKey("digest-" + schedule.getId(), "digest"));
	}

}
