package dev.legends.usage;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one timezone the stored period totals are cut in, shared by every instance: the
 * first instance records its {@code LEGENDS_TIMEZONE}; another timezone is refused at
 * start-up unless the operator asks for the rows to be rebuilt for it
 * ({@code LEGENDS_REBUILD_PERIODS_FOR_TIMEZONE} naming the new timezone), which is done
 * only while no other instance runs and under a table lock that holds back every
 * instance's additions.
 */
@Component
class PeriodZone {

	private static final Logger logger = LoggerFactory.getLogger(PeriodZone.class);

	/** Slack for clocks and a check-in under way when another instance counts as live. */
	private static final long CHECKIN_SLACK_MILLIS = 7_500;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final String rebuildFor;

	private final boolean postgres;

	PeriodZone(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			@Value("${legends.rebuild-periods-for-timezone:}") String rebuildFor,
			@Value("${spring.datasource.url:}") String url) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.rebuildFor = rebuildFor.trim();
		this.postgres = url.startsWith("jdbc:postgresql:");
	}

	/**
	 * Make sure the rows are cut in a timezone: build them on a new database, rebuild
	 * them when the operator asked for that timezone, else refuse another timezone.
	 * @param zone this instance's timezone
	 * @param rebuild empties and rebuilds the rows in that timezone, returning their
	 * count
	 * @throws PeriodZoneMismatchException when the rows are cut in another timezone and
	 * no rebuild for this one was asked for, or other instances still run
	 */
	void prepare(ZoneId zone, IntSupplier rebuild) {
		this.transactions.executeWithoutResult((status) -> {
			if (this.postgres) {
				this.jdbc.execute("lock table usage_period_zone in exclusive mode");
			}
			String builtIn = recorded();
			if (zone.getId().equals(builtIn)) {
				if (!this.rebuildFor.isEmpty()) {
					logger.info("Usage period totals are already cut in {}; nothing to rebuild", builtIn);
				}
				return;
			}
			if (builtIn != null) {
				refuseUnlessAsked(zone, builtIn);
			}
			long started = System.nanoTime();
			int rows = rebuild.getAsInt();
			this.jdbc.update("delete from usage_period_zone");
			this.jdbc.update("insert into usage_period_zone (id, zone_id, built_at) values (1, ?, ?)", zone.getId(),
					UsageStore.utc(Instant.now()));
			if (builtIn != null || rows > 0) {
				logger.warn("Rebuilt usage period totals for timezone {} (were {}): {} rows in {} ms", zone,
						(builtIn != null) ? builtIn : "none", rows, (System.nanoTime() - started) / 1_000_000);
			}
		});
	}

	/**
	 * Whether the rows are still cut in a timezone, read under a shared lock that a
	 * rebuild waits for (call it inside the transaction that adds to the rows).
	 * @param zone the timezone
	 * @return whether the rows are cut in it
	 */
	boolean stillCutIn(ZoneId zone) {
		String builtIn = this.jdbc.query(
				"select zone_id from usage_period_zone where id = 1" + (this.postgres ? " for share" : ""),
				(ResultSet rs) -> rs.next() ? rs.getString(1) : null);
		return zone.getId().equals(builtIn);
	}

	private void refuseUnlessAsked(ZoneId zone, String builtIn) {
		if (!zone.getId().equals(this.rebuildFor)) {
			throw new PeriodZoneMismatchException(zone, builtIn, null);
		}
		List<String> others = liveInstances();
		if (!others.isEmpty()) {
			throw new PeriodZoneMismatchException(zone, builtIn, others);
		}
	}

	/** Quartz schedulers of other instances that checked in recently. */
	private List<String> liveInstances() {
		long now = System.currentTimeMillis();
		return this.jdbc.query("select instance_name, last_checkin_time, checkin_interval from qrtz_scheduler_state",
				(rs, n) -> (rs.getLong(2) + 2 * rs.getLong(3) + CHECKIN_SLACK_MILLIS > now) ? rs.getString(1) : null)
			.stream()
			.filter((name) -> name != null)
			.toList();
	}

	private String recorded() {
		return this.jdbc.query("select zone_id from usage_period_zone where id = 1",
				(ResultSet rs) -> rs.next() ? rs.getString(1) : null);
	}

	/**
	 * An instance started with another timezone than the stored period totals are cut in.
	 */
	static class PeriodZoneMismatchException extends IllegalStateException {

		private final transient ZoneId zone;

		private final String builtIn;

		private final transient List<String> liveInstances;

		PeriodZoneMismatchException(ZoneId zone, String builtIn, List<String> liveInstances) {
			super("LEGENDS_TIMEZONE is " + zone + " but the usage period totals in the database are cut in " + builtIn);
			this.zone = zone;
			this.builtIn = builtIn;
			this.liveInstances = liveInstances;
		}

		String description() {
			if (this.liveInstances != null) {
				return getMessage() + "; they cannot be rebuilt for " + this.zone
						+ " while other instances are running: " + String.join(", ", this.liveInstances) + ".";
			}
			return getMessage() + " (the timezone the first instance started with).";
		}

		String action() {
			if (this.liveInstances != null) {
				return "Stop every other Legends instance on this database, then start this one again.";
			}
			return "Start with LEGENDS_TIMEZONE=" + this.builtIn + ", or change the timezone for every instance: stop "
					+ "them all, start one with LEGENDS_TIMEZONE=" + this.zone
					+ " and LEGENDS_REBUILD_PERIODS_FOR_TIMEZONE=" + this.zone
					+ " (it rebuilds the totals), then start the others with LEGENDS_TIMEZONE=" + this.zone
					+ " (docs/operations.md, \"Changing the timezone\").";
		}

	}

}
