package dev.legends;

import java.util.Arrays;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrations run in version order, and a module's migration that arrives below a
 * database's newest applied one is still applied.
 */
class MigrationOrderTests {

	@Test
	void migrateWhenHistoryLacksALowerModuleMigrationAppliesItOutOfOrder() {
		String url = "jdbc:h2:mem:order-late;DB_CLOSE_DELAY=-1";
		Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/ordertest/first").load().migrate();
		Flyway both = flyway(url);
		new MigrationOrder().inVersionOrderUnlessHistoryNeedsOtherwise().migrate(both);
		assertThat(both.info().all()).extracting((migration) -> migration.getVersion().getVersion())
			.containsExactlyInAnyOrder("1", "2", "3");
		assertThat(both.info().all()).allMatch((migration) -> migration.getState().isApplied());
	}

	@Test
	void migrateWhenDatabaseNewAppliesEverythingInOrder() {
		String url = "jdbc:h2:mem:order-new;DB_CLOSE_DELAY=-1";
		Flyway flyway = flyway(url);
		new MigrationOrder().inVersionOrderUnlessHistoryNeedsOtherwise().migrate(flyway);
		MigrationInfo[] applied = flyway.info().applied();
		assertThat(Arrays.stream(applied).map((migration) -> migration.getVersion().getVersion())).containsExactly("1",
				"2", "3");
		assertThat(applied).noneMatch((migration) -> migration.getState() == MigrationState.OUT_OF_ORDER);
	}

	private static Flyway flyway(String url) {
		return Flyway.configure()
			.dataSource(url, "sa", "")
			.locations("classpath:db/ordertest/first", "classpath:db/ordertest/later")
			.outOfOrder(false)
			.load();
	}

}
