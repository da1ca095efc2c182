package dev.legends;

import java.util.Arrays;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrates in version order, and out of order only when a database's history needs it.
 * Each module owns a range of versions (usage V10–V19, outcomes V20–V29, …), so a
 * database migrated before a module added a migration can find it below its newest
 * applied one; only then is that migration applied out of order (and Flyway says so). A
 * new database, or one that is up to date, migrates in order without a warning.
 */
@Configuration(proxyBeanMethods = false)
class MigrationOrder {

	private static final Logger logger = LoggerFactory.getLogger(MigrationOrder.class);

	@Bean
	FlywayMigrationStrategy inVersionOrderUnlessHistoryNeedsOtherwise() {
		return (flyway) -> {
			MigrationInfo[] skipped = Arrays.stream(flyway.info().all())
				.filter((migration) -> migration.getState() == MigrationState.IGNORED)
				.toArray(MigrationInfo[]::new);
			if (skipped.length == 0) {
				flyway.migrate();
				return;
			}
			logger.info("{} migration(s) from a module's range are older than this database's newest ({}); "
					+ "applying them out of order", skipped.length, skipped[0].getVersion());
			Flyway.configure(flyway.getConfiguration().getClassLoader())
				.configuration(flyway.getConfiguration())
				.outOfOrder(true)
				.load()
				.migrate();
		};
	}

}
