package dev.legends.usage;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code legends_rollups_pending}: committed ingest batches not yet added to the rollups
 * (in the cluster); it should fall back to zero within seconds after ingest.
 */
@Component
class RollupMetrics {

	RollupMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
		Gauge
			.builder("legends.rollups.pending",
					() -> jdbc.queryForObject("select count(*) from usage_rollup_pending", Long.class))
			.description("Ingest batches waiting to be added to the rollups")
			.register(registry);
	}

}
