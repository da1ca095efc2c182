package dev.legends.digest;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Creates Quartz's JDBC job store tables from the DDL that ships inside the Quartz jar,
 * for the database at hand, so that Flyway owns every table.
 */
@Component
class V2__Quartz_tables extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase();
		String platform = product.contains("postgres") ? "postgres" : "h2";
		ClassPathResource script = new ClassPathResource("org/quartz/impl/jdbcjobstore/tables_" + platform + ".sql");
		new ResourceDatabasePopulator(script).populate(context.getConnection());
	}

}
