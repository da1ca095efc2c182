package dev.legends.slack.install;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;

import dev.legends.digest.DigestSchedule;
import dev.legends.digest.DigestSchedules;
import dev.legends.digest.DigestSection;
import dev.legends.digest.ScheduleSettings;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.SlackMessages;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An uninstalled installation's data (and its digests' Quartz triggers) is kept for the
 * retention time, then purged; other installations keep theirs.
 */
@OAuthAppTest
class UninstalledDataPurgeTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UninstalledDataPurge purge;

	@Autowired
	DigestSchedules schedules;

	@Autowired
	Members members;

	@Autowired
	Scheduler scheduler;

	@Test
	void purgeExpiredWhenRetentionOverDeletesOnlyThatInstallationsData(SlackTestClient slack, FakeSlackApi fake)
			throws Exception {
		String gone = install(slack, fake);
		String kept = install(slack, fake);
		String recent = install(slack, fake);
		JobKey goneDigest = digest(gone);
		JobKey keptDigest = digest(kept);
		uninstall(gone, 31);
		uninstall(recent, 29);
		this.purge.purgeExpired();
		assertThat(rows("select count(*) from workspace where slack_team_id = ?", gone)).isZero();
		assertThat(rows("select count(*) from slack_installation where install_key = ?", gone)).isZero();
		assertThat(rows("select count(*) from member where slack_user_id = ?", "UADM" + gone)).isZero();
		assertThat(rows("select count(*) from ingest_key k join workspace w on w.id = k.workspace_id "
				+ "where w.slack_team_id = ?", kept))
			.isOne();
		assertThat(rows("select count(*) from ingest_key k join workspace w on w.id = k.workspace_id "
				+ "where w.slack_team_id = ?", recent))
			.isOne();
		assertThat(rows("select count(*) from slack_installation where install_key = ?", recent)).isOne();
		assertThat(this.scheduler.checkExists(goneDigest)).isFalse();
		assertThat(this.scheduler.checkExists(keptDigest)).isTrue();
	}

	/** A weekly digest in the workspace, on its Quartz trigger. */
	private JobKey digest(String team) throws Exception {
		Member owner = this.members.member(team, "UADM" + team);
		DigestSchedule schedule = this.schedules.save(owner.getWorkspaceId(), "CPURGE" + team,
				new ScheduleSettings(null, DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneOffset.UTC,
						EnumSet.allOf(DigestSection.class), owner.getId()));
		JobKey job = JobKey.jobKey("digest-" + schedule.getId(), "digest");
		assertThat(this.scheduler.checkExists(job)).isTrue();
		return job;
	}

	private String install(SlackTestClient slack, FakeSlackApi fake) {
		String team = OAuthInstallTests.newId("T");
		slack.install(fake.oauth().approveWorkspace(team, "UINSTALLER"));
		String admin = "UADM" + team;
		fake.addUser(new SlackUser(admin, "Admin", admin.toLowerCase() + "@example.com", "UTC", true));
		assertThat(SlackMessages.visibleText(slack.inTeam(team).command(admin, "key create export").body()))
			.contains("lgk_");
		return team;
	}

	private void uninstall(String team, int daysAgo) {
		this.jdbc.update(
				"update slack_installation set bot_token = null, bot_refresh_token = null, "
						+ "uninstalled_at = dateadd('DAY', ?, current_timestamp) where install_key = ?",
				-daysAgo, team);
	}

	private int rows(String sql, String arg) {
		return this.jdbc.queryForObject(sql, Integer.class, arg);
	}

}
