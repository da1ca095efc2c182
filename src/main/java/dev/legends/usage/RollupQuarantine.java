package dev.legends.usage;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pending rollup rows that cannot be folded (a sum past a {@code long} or past a column,
 * a payload that does not decode, numbers no validated batch can have), moved aside into
 * {@code usage_rollup_quarantine} so that they stop blocking the rows after them: kept
 * for an admin, logged once, counted ({@code legends.usage.rollups.quarantined}), and
 * shown in {@code /actuator/health} as a detail of {@code rollups} (which stays UP: every
 * other row is folded).
 */
@Component("rollups")
public class RollupQuarantine implements HealthIndicator {

	private static final Logger logger = LoggerFactory.getLogger(RollupQuarantine.class);

	/**
	 * The largest counter a pending row may hold: ten times what a batch of 10,000
	 * records at the per-record bounds adds up to. Anything larger was not written by a
	 * validated ingest.
	 */
	static final long MAX_PENDING_COUNT = 100_000L * UsageBounds.MAX_TOKENS;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Counter quarantined;

	RollupQuarantine(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.quarantined = Counter.builder("legends.usage.rollups.quarantined")
			.description("Pending usage rollup rows that could not be folded and were quarantined")
			.register(meters);
	}

	/**
	 * Whether a fold failed because of the data it folded (so that retrying cannot help),
	 * not because of the database (a lock, a connection, a full disk) or a concurrent
	 * insert of the same row.
	 * @param failure what the fold threw
	 * @return {@code true} for a poisoned row
	 */
	static boolean isPoison(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ArithmeticException || cause instanceof Unfoldable
					|| (cause instanceof DataIntegrityViolationException
							&& !(cause instanceof DuplicateKeyException))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Refuse to fold a batch whose numbers no validated ingest can produce (negative, as
	 * wrapped sums of older versions are, or past {@link #MAX_PENDING_COUNT}).
	 * @param batch the batch
	 * @throws Unfoldable when it is not plausible
	 */
	static void checkPlausible(PendingRollups.Batch batch) {
		batch.hourly().forEach((key, counts) -> {
			long[] values = { counts.input(), counts.output(), counts.cacheRead(), counts.cacheCreation(),
					counts.reasoning(), counts.requests(), counts.records() };
			for (long value : values) {
				if (value < 0 || value > MAX_PENDING_COUNT) {
					throw new Unfoldable("a counter of " + key.model() + " at " + key.bucketStart() + " is " + value
							+ ", outside 0.." + MAX_PENDING_COUNT);
				}
			}
			if (counts.costReported().signum() < 0) {
				throw new Unfoldable("a negative cost at " + key.bucketStart());
			}
		});
	}

	/**
	 * Move a pending row into quarantine, in a transaction of its own, unless another
	 * instance folded or quarantined it first; log it once.
	 * @param id the pending row
	 * @param failure why it cannot be folded
	 * @return {@code true} when this call quarantined it
	 */
	boolean quarantine(long id, Throwable failure) {
		String reason = reason(failure);
		Boolean moved = this.transactions.execute((status) -> {
			List<Long> locked = this.jdbc.queryForList("select id from usage_rollup_pending where id = ? for update",
					Long.class, id);
			if (locked.isEmpty()) {
				return false;
			}
			this.jdbc.update("insert into usage_rollup_quarantine "
					+ "(id, workspace_id, payload, created_at, quarantined_at, reason) "
					+ "select id, workspace_id, payload, created_at, ?, ? from usage_rollup_pending where id = ?",
					UsageStore.utc(Instant.now()), reason, id);
			this.jdbc.update("delete from usage_rollup_pending where id = ?", id);
			return true;
		});
		if (Boolean.TRUE.equals(moved)) {
			this.quarantined.increment();
			logger.warn(
					"Quarantined pending usage rollup row {}: {}. Its usage is kept in usage_rollup_quarantine "
							+ "and left out of every total; every other row is folded (docs/input-bounds.md)",
					id, reason);
		}
		return Boolean.TRUE.equals(moved);
	}

	/**
	 * The quarantined rows of a workspace, newest first, for its admins.
	 * @param workspaceId the workspace
	 * @return the rows (at most 20)
	 */
	public List<QuarantinedRollup> quarantined(Long workspaceId) {
		return this.jdbc.query(
				"select id, quarantined_at, reason from usage_rollup_quarantine where workspace_id = ? "
						+ "order by id desc fetch first 20 rows only",
				(rs, n) -> new QuarantinedRollup(rs.getLong(1),
						rs.getObject(2, java.time.OffsetDateTime.class).toInstant(), rs.getString(3)),
				workspaceId);
	}

	long count() {
		Long count = this.jdbc.query("select count(*) from usage_rollup_quarantine",
				(ResultSet rs) -> rs.next() ? rs.getLong(1) : 0L);
		return (count != null) ? count : 0;
	}

	@Override
	public Health health() {
		long count = count();
		Health.Builder health = Health.up().withDetail("quarantined", count);
		if (count > 0) {
			health.withDetail("action", "pending usage rows could not be added to the totals; "
					+ "see the admin section of App Home and docs/input-bounds.md");
		}
		return health.build();
	}

	private static String reason(Throwable failure) {
		Throwable root = failure;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ArithmeticException || cause instanceof Unfoldable) {
				root = cause;
				break;
			}
			root = cause;
		}
		String text = root.getClass().getSimpleName() + ": " + root.getMessage();
		return (text.length() > 500) ? text.substring(0, 499) + "…" : text;
	}

	/** A pending row that cannot be folded whatever is retried. */
	static final class Unfoldable extends RuntimeException {

		Unfoldable(String message) {
			super(message);
		}

		Unfoldable(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
