package dev.legends.digest;

import java.util.Properties;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Quartz on the app's own database: clustered, with PostgreSQL's delegate and row locks,
 * when the database is PostgreSQL; a single node with an in-memory lock on H2.
 */
@Configuration(proxyBeanMethods = false)
class QuartzConfiguration {

	@Bean
	SchedulerFactoryBeanCustomizer legendsQuartzCustomizer(QuartzProperties quartz, DataSourceProperties dataSource) {
		return (factory) -> {
			Properties properties = new Properties();
			properties.putAll(quartz.getProperties());
			boolean postgres = isPostgres(dataSource.getUrl());
			properties.put("org.quartz.jobStore.isClustered", String.valueOf(postgres));
			if (postgres) {
				properties.put("org.quartz.jobStore.driverDelegateClass",
						"org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
			}
			else {
				// one node owns an embedded database: an in-memory lock instead of a
				// locked
				// row spares every trigger acquisition and completion a round of row
				// locking
				properties.put("org.quartz.jobStore.lockHandler.class", "org.quartz.impl.jdbcjobstore.SimpleSemaphore");
			}
			factory.setQuartzProperties(properties);
		};
	}

	static boolean isPostgres(String jdbcUrl) {
		return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
	}

}
