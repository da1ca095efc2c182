package dev.legends.digest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Digest delivery as operators watch it: {@code legends_digest_claims_in_flight} (on this
 * instance) and {@code legends_digest_pending} (in the cluster: claimed or failed, not
 * posted yet); the posted and failed counters are kept by the ledger
 * ({@code legends_digest_deliveries_total{state}}).
 */
@Component
class DigestMetrics {

	DigestMetrics(MeterRegistry registry, DeliveryLedger ledger, JdbcTemplate jdbc) {
		Gauge.builder("legends.digest.claims.in.flight", ledger::inFlight)
			.description("Digest deliveries this instance is working on now")
			.register(registry);
		Gauge
			.builder("legends.digest.pending",
					() -> jdbc.queryForObject(
							"select count(*) from digest_delivery where state in ('CLAIMED', 'FAILED')", Long.class))
			.description("Digest deliveries claimed or failed and not posted yet, on every instance")
			.register(registry);
	}

}
