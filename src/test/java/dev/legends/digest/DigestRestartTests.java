package dev.legends.digest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.RunningApp;
import dev.legends.testkit.SlackCall;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A digest missed while the app was down posts once after start when within the misfire
 * grace, not at all beyond it, and never again on the next restart; a digest still in
 * flight when the app stops has its claim released for another instance (H2 file
 * database).
 */
class DigestRestartTests {

	@Test
	void startWhenDigestWasMissedWhileDownPostsOnceWithinGraceOnly(@TempDir Path dir) throws Exception {
		FakeSlackApi fake = FakeSlackApi.shared();
		fake.reset();
		String url = "jdbc:h2:file:" + dir.resolve("legends") + ";DB_CLOSE_ON_EXIT=FALSE";
		Map<String, String> environment = Map.of("LEGENDS_DB_URL", url, "legends.digest.misfire-grace", "PT1H");
		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		Instant recent = now.minus(Duration.ofMinutes(10));
		Instant old = now.minus(Duration.ofHours(3));
		long recentId;
		long oldId;
		try (RunningApp app = RunningApp.start(environment)) {
			Member owner = app.bean(Members.class).member("TRESTART", "URESTART");
			DigestSchedules schedules = app.bean(DigestSchedules.class);
			recentId = schedules.save(owner.getWorkspaceId(), "CMISSRECENT", settings(recent, owner)).getId();
			oldId = schedules.save(owner.getWorkspaceId(), "CMISSOLD", settings(old, owner)).getId();
		}
		// the app was down when both were due
		setNextFire(url, recentId, recent);
		setNextFire(url, oldId, old);
		try (RunningApp app = RunningApp.start(environment)) {
			fake.awaitCalls("chat.postMessage", 1, Duration.ofSeconds(60));
			Thread.sleep(3000);
			assertThat(posts(fake, "CMISSRECENT")).hasSize(1);
			assertThat(posts(fake, "CMISSOLD")).isEmpty();
		}
		try (RunningApp app = RunningApp.start(environment)) {
			Thread.sleep(5000);
			assertThat(posts(fake, "CMISSRECENT")).hasSize(1);
		}
	}

	@Test
	void stopWhenDigestStillInFlightAfterTheGraceReleasesItsClaim(@TempDir Path dir) throws Exception {
		String url = "jdbc:h2:file:" + dir.resolve("legends") + ";DB_CLOSE_ON_EXIT=FALSE";
		Map<String, String> environment = Map.of("LEGENDS_DB_URL", url, "legends.digest.shutdown-grace", "PT1S");
		long scheduleId;
		try (RunningApp app = RunningApp.start(environment)) {
			Member owner = app.bean(Members.class).member("TSTOP", "USTOP");
			scheduleId = app.bean(DigestSchedules.class)
				.save(owner.getWorkspaceId(), "CSTOP1", settings(Instant.now(), owner))
				.getId();
			// a delivery that never finishes (a post stuck with Slack)
			assertThat(app.bean(DeliveryLedger.class).claim(scheduleId, "week:2026-W47"))
				.isEqualTo(DeliveryLedger.Claim.NEW);
		}
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				PreparedStatement select = connection.prepareStatement(
						"select state, claimed_at from digest_delivery where schedule_id = ? and period_key = ?")) {
			select.setLong(1, scheduleId);
			select.setString(2, "week:2026-W47");
			try (java.sql.ResultSet row = select.executeQuery()) {
				assertThat(row.next()).isTrue();
				assertThat(row.getString(1)).isEqualTo("CLAIMED");
				assertThat(row.getObject(2, java.time.OffsetDateTime.class).toInstant())
					.isBefore(Instant.now().minus(Duration.ofSeconds(30)));
			}
		}
	}

	private static ScheduleSettings settings(Instant due, Member owner) {
		ZonedDateTime utc = due.atZone(ZoneOffset.UTC);
		return new ScheduleSettings(null, utc.getDayOfWeek(), LocalTime.of(utc.getHour(), utc.getMinute()),
				ZoneOffset.UTC, EnumSet.of(DigestSection.TOTALS), owner.getId());
	}

	private static void setNextFire(String url, long scheduleId, Instant due) throws Exception {
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				PreparedStatement update = connection
					.prepareStatement("update qrtz_triggers set next_fire_time = ? where trigger_name = ?")) {
			update.setLong(1, due.toEpochMilli());
			update.setString(2, DigestTriggers.triggerKey(scheduleId).getName());
			assertThat(update.executeUpdate()).isEqualTo(1);
		}
	}

	private static List<SlackCall> posts(FakeSlackApi fake, String channel) {
		return fake.calls((call) -> call.method().equals("chat.postMessage") && channel.equals(call.param("channel")));
	}

}
