package dev.legends;

import java.util.Map;

import dev.legends.testkit.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.quartz.Scheduler;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL the app boots, Flyway applies every migration and Quartz runs clustered.
 * Runs when {@code LEGENDS_TEST_POSTGRES_URL} is set ({@code .ci/run} sets it).
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
		}
	}

}
