package dev.legends;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.legends.testkit.RunningApp;
import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;
import dev.legends.usage.UsageLedger;
import dev.legends.workspace.TimeWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.quartz.Scheduler;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL the app boots, Flyway applies every migration, Quartz runs clustered and
 * usage adds up per period. Runs when {@code LEGENDS_TEST_POSTGRES_URL} is set
 * ({@code .ci/run} sets it).
 */
@EnabledIfEnvironmentVariable(named = "LEGENDS_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class PostgresSmokeTests {

	@Test
	void startWhenDatabaseIsPostgresMigratesAndClustersQuartz() throws Exception {
		Map<String, String> environment = Map.of("LEGENDS_DB_URL", System.getenv("LEGENDS_TEST_POSTGRES_URL"),
				"LEGENDS_DB_USER", System.getenv().getOrDefault("LEGENDS_TEST_POSTGRES_USER", "postgres"));
		try (RunningApp app = RunningApp.start(environment)) {
			JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success = false",
					Integer.class))
				.isZero();
			assertThat(jdbc.queryForObject("select count(*) from qrtz_locks", Integer.class)).isNotNull();
			Scheduler scheduler = app.bean(Scheduler.class);
			assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
			assertThat(app.slack().command("UPOSTGRES", "vacation on").statusCode()).isEqualTo(200);
			assertThat(jdbc.queryForObject("select on_vacation from member where slack_user_id = 'UPOSTGRES'",
					Boolean.class))
				.isTrue();
			Long workspace = jdbc.queryForObject(
					"select workspace_id from member where slack_user_id = 'UPOSTGRES' order by id desc limit 1",
					Long.class);
			UsageLedger ledger = app.bean(UsageLedger.class);
			Instant monday = Instant.parse("2026-11-23T09:00:00Z");
			ledger.ingest(workspace, List.of(usage("pg-1", monday, 100), usage("pg-2", monday.plusSeconds(7200), 20)));
			ledger.ingest(workspace, List.of(usage("pg-2", monday.plusSeconds(7200), 20), usage("pg-3", monday, 3)));
			TimeWindow week = new TimeWindow(Instant.parse("2026-11-23T00:00:00Z"),
					Instant.parse("2026-11-30T00:00:00Z"));
			assertThat(ledger.workspaceTotals(workspace, week).inputTokens()).isEqualTo(123);
			assertThat(ledger.workspaceTotals(workspace, new TimeWindow(week.start(), week.end().minusSeconds(1)))
				.inputTokens()).isEqualTo(123);
		}
	}

	private static UsageInput usage(String id, Instant start, long input) {
		return new UsageInput(id, UsageIdentity.apiKeyName("pg"), "smoke", "claude-sonnet-4-5", start,
				start.plusSeconds(60), input, 0, 0, 0, 0, 1, null);
	}

}
