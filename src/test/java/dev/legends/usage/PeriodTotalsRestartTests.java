package dev.legends.usage;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.legends.testkit.RunningApp;
import dev.legends.testkit.ScratchPostgres;
import dev.legends.workspace.Members;
import dev.legends.workspace.TimeWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Week, month and quarter totals are cut in one timezone, recorded by the first start: a
 * start with another {@code LEGENDS_TIMEZONE} is refused, unless it is told to rebuild
 * the totals for it; after that, usage counts in the weeks of the new timezone.
 */
class PeriodTotalsRestartTests {

	@TempDir
	Path dir;

	@Test
	void startWhenAnotherTimezoneWithoutRebuildIsRefusedWithWhatToDo() {
		try (RunningApp app = RunningApp.start(environment("UTC", ""))) {
			app.bean(Members.class).workspace(app.slack().inNewTeam().teamId());
		}
		assertThatThrownBy(() -> RunningApp.start(environment("Europe/Berlin", "")))
			.hasRootCauseInstanceOf(PeriodZone.PeriodZoneMismatchException.class)
			.rootCause()
			.hasMessageContaining("LEGENDS_TIMEZONE is Europe/Berlin")
			.hasMessageContaining("cut in UTC");
		try (RunningApp app = RunningApp.start(environment("UTC", ""))) {
			assertThat(app.bean(PeriodZone.class).stillCutIn(ZoneId.of("UTC"))).isTrue();
		}
	}

	@Test
	void startWhenRebuildAskedForAnotherTimezoneThanItsOwnIsRefused() {
		try (RunningApp app = RunningApp.start(environment("UTC", ""))) {
			app.bean(Members.class).workspace(app.slack().inNewTeam().teamId());
		}
		assertThatThrownBy(() -> RunningApp.start(environment("Europe/Berlin", "Europe/Paris")))
			.hasRootCauseInstanceOf(PeriodZone.PeriodZoneMismatchException.class);
	}

	@Test
	void rebuildWhenAnotherInstanceIsRunningIsRefusedAndNothingIsRebuilt() {
		try (ScratchPostgres postgres = ScratchPostgres.createOrSkip("zone")) {
			Map<String, String> utc = new HashMap<>(postgres.environment());
			utc.put("LEGENDS_TIMEZONE", "UTC");
			Map<String, String> berlin = new HashMap<>(postgres.environment());
			berlin.putAll(Map.of("LEGENDS_TIMEZONE", "Europe/Berlin", "LEGENDS_REBUILD_PERIODS_FOR_TIMEZONE",
					"Europe/Berlin", "spring.quartz.scheduler-name", "legends-zone"));
			utc.put("spring.quartz.scheduler-name", "legends-zone");
			try (RunningApp running = RunningApp.start(utc)) {
				running.bean(Members.class).workspace(running.slack().inNewTeam().teamId());
				PeriodZone.PeriodZoneMismatchException refusal = refusal(berlin);
				assertThat(running.bean(PeriodZone.class).stillCutIn(ZoneId.of("UTC"))).isTrue();
				assertThat(refusal.description()).contains("cannot be rebuilt for Europe/Berlin")
					.contains("while other instances are running");
				assertThat(refusal.action()).contains("Stop every other Legends instance on this database");
			}
		}
	}

	private static PeriodZone.PeriodZoneMismatchException refusal(Map<String, String> environment) {
		try (RunningApp app = RunningApp.start(environment)) {
			throw new AssertionError("started although another instance runs");
		}
		catch (RuntimeException ex) {
			Throwable root = ex;
			while (root.getCause() != null) {
				root = root.getCause();
			}
			return (PeriodZone.PeriodZoneMismatchException) root;
		}
	}

	@Test
	void weekTotalsWhenRestartedInAnotherTimezoneWithRebuildFollowTheNewWeeks() {
		// Sunday 23:30 UTC is already Monday 00:30 in Berlin.
		Instant sundayNight = Instant.parse("2026-11-29T23:30:00Z");
		Long workspace;
		try (RunningApp app = RunningApp.start(environment("UTC", ""))) {
			workspace = app.bean(Members.class).workspace(app.slack().inNewTeam().teamId()).getId();
			app.bean(UsageLedger.class)
				.ingest(workspace,
						List.of(UsageLedgerTests.record("late", UsageIdentity.apiKeyName("ci"), sundayNight, 900)));
			assertThat(weekOf(app, workspace, "2026-11-23", "UTC")).isEqualTo(900);
		}
		try (RunningApp app = RunningApp.start(environment("Europe/Berlin", "Europe/Berlin"))) {
			assertThat(weekOf(app, workspace, "2026-11-23", "Europe/Berlin")).isZero();
			assertThat(weekOf(app, workspace, "2026-11-30", "Europe/Berlin")).isEqualTo(900);
			assertThat(app.bean(UsageLedger.class)
				.workspaceTotals(workspace, window("2026-12-01", "2027-01-01", "Europe/Berlin"))
				.inputTokens()).isZero();
		}
		try (RunningApp app = RunningApp.start(environment("Europe/Berlin", ""))) {
			assertThat(weekOf(app, workspace, "2026-11-30", "Europe/Berlin")).isEqualTo(900);
		}
	}

	private static long weekOf(RunningApp app, Long workspace, String monday, String zone) {
		return app.bean(UsageLedger.class)
			.workspaceTotals(workspace, window(monday, java.time.LocalDate.parse(monday).plusWeeks(1).toString(), zone))
			.inputTokens();
	}

	private static TimeWindow window(String start, String end, String zone) {
		return new TimeWindow(java.time.LocalDate.parse(start).atStartOfDay(ZoneId.of(zone)).toInstant(),
				java.time.LocalDate.parse(end).atStartOfDay(ZoneId.of(zone)).toInstant());
	}

	private Map<String, String> environment(String zone, String rebuildFor) {
		return Map.of("LEGENDS_DB_URL", "jdbc:h2:file:" + this.dir.resolve("legends") + ";DB_CLOSE_ON_EXIT=FALSE",
				"LEGENDS_TIMEZONE", zone, "LEGENDS_REBUILD_PERIODS_FOR_TIMEZONE", rebuildFor, "logging.level.root",
				"warn");
	}

}
