package dev.legends.database;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code db} health component is UP only while the database commits a write.
 */
class DatabaseWriteHealthTests {

	@Test
	void healthWhenDatabaseIsUnreachableIsDown() {
		DatabaseWriteHealth health = new DatabaseWriteHealth(
				new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/legends", "postgres", ""));
		try {
			assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.health().getDetails().get("error").toString()).startsWith("The database cannot write");
		}
		finally {
			health.destroy();
		}
	}

	@Test
	void healthWhenWritesFailIsDownAndUpAgainOnceTheyWork() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:health-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		createProbe(jdbc);
		DatabaseWriteHealth health = new DatabaseWriteHealth(dataSource);
		try {
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);
			jdbc.execute("drop table health_probe");
			assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
			createProbe(jdbc);
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		}
		finally {
			health.destroy();
		}
	}

	private static void createProbe(JdbcTemplate jdbc) {
		jdbc.execute("create table health_probe (id integer primary key, checked_at timestamp with time zone)");
		jdbc.update("insert into health_probe (id, checked_at) values (1, current_timestamp)");
	}

}
