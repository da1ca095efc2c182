package dev.legends.database;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every H2 file URL an operator may set opens with durable commits and a query cache
 * large enough for a request's statements; other databases are left alone.
 */
class H2FileDatabaseTests {

	@Test
	void durableWhenUrlSetsNoWriteDelayAddsWriteDelayZero() {
		assertThat(H2FileDatabase.durable("jdbc:h2:file:/srv/legends/legends;DB_CLOSE_ON_EXIT=FALSE"))
			.isEqualTo("jdbc:h2:file:/srv/legends/legends;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
	}

	@Test
	void durableWhenUrlSetsWriteDelayKeepsIt() {
		assertThat(H2FileDatabase.durable("jdbc:h2:file:./data/legends;WRITE_DELAY=0"))
			.isEqualTo("jdbc:h2:file:./data/legends;WRITE_DELAY=0");
		assertThat(H2FileDatabase.durable("jdbc:h2:./data/legends;write_delay=500"))
			.isEqualTo("jdbc:h2:./data/legends;write_delay=500");
	}

	@Test
	void withQueryCacheWhenUrlSetsNoneAddsIt() {
		assertThat(H2FileDatabase.withQueryCache("jdbc:h2:file:./data/legends;WRITE_DELAY=0"))
			.isEqualTo("jdbc:h2:file:./data/legends;WRITE_DELAY=0;QUERY_CACHE_SIZE=256");
		assertThat(H2FileDatabase.withQueryCache("jdbc:h2:./data/legends;query_cache_size=16"))
			.isEqualTo("jdbc:h2:./data/legends;query_cache_size=16");
	}

	@Test
	void postProcessWhenPoolOpensAnH2FileOpensItDurableWithItsQueryCache(@TempDir Path dir) {
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl("jdbc:h2:file:" + dir.resolve("legends"));
			new H2FileDatabase().postProcessAfterInitialization(dataSource, "dataSource");
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			assertThat(jdbc.queryForObject(
					"select setting_value from information_schema.settings where setting_name = 'QUERY_CACHE_SIZE'",
					String.class))
				.isEqualTo("256");
			assertThat(jdbc.queryForObject(
					"select distinct setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'",
					String.class))
				.isEqualTo("0");
		}
	}

	@Test
	void databaseFileWhenFileUrlIsItsPathAndOtherwiseNone() {
		assertThat(H2FileDatabase.databaseFile("jdbc:h2:file:/srv/legends/legends;WRITE_DELAY=0"))
			.isEqualTo(Path.of("/srv/legends/legends"));
		assertThat(H2FileDatabase.databaseFile("jdbc:h2:/srv/legends/db")).isEqualTo(Path.of("/srv/legends/db"));
		assertThat(H2FileDatabase.databaseFile("jdbc:h2:mem:legends;DB_CLOSE_DELAY=-1")).isNull();
		assertThat(H2FileDatabase.databaseFile("jdbc:h2:tcp://db:9092/legends")).isNull();
		assertThat(H2FileDatabase.databaseFile("jdbc:postgresql://db/legends")).isNull();
	}

}
