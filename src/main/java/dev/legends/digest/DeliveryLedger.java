package dev.legends.digest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The delivery ledger: a (schedule, period) is claimed in a table with a unique
 * constraint before anything is posted, and finished as posted (with channel and ts) or
 * failed. A claim found unfinished belongs to a run that died; its taker must reconcile
 * with the channel before posting again.
 */
@Component
class DeliveryLedger {

	static final String CLAIMED = "CLAIMED";

	static final String POSTED = "POSTED";

	static final String FAILED = "FAILED";

	static final String UNDELIVERABLE = "UNDELIVERABLE";

	private final JdbcTemplate jdbc;

	private final DigestProperties properties;

	private final Clock clock;

	private final String instanceId = UUID.randomUUID().toString();

	private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

	DeliveryLedger(JdbcTemplate jdbc, DigestProperties properties, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Claim a period for a schedule.
	 * @param scheduleId the schedule
	 * @param periodKey the period
	 * @return what the caller may do
	 */
	Claim claim(long scheduleId, String periodKey) {
		String key = scheduleId + "|" + periodKey;
		if (!this.inFlight.add(key)) {
			return Claim.BUSY;
		}
		Claim claim = Claim.BUSY;
		try {
			claim = insertOrTakeOver(scheduleId, periodKey);
			return claim;
		}
		finally {
			if (claim != Claim.NEW && claim != Claim.UNFINISHED) {
				this.inFlight.remove(key);
			}
		}
	}

	private Claim insertOrTakeOver(long scheduleId, String periodKey) {
		Timestamp now = Timestamp.from(this.clock.instant());
		try {
			this.jdbc.update(
					"insert into digest_delivery (schedule_id, period_key, state, attempts, claimed_by, claimed_at) "
							+ "values (?, ?, ?, 1, ?, ?)",
					scheduleId, periodKey, CLAIMED, this.instanceId, now);
			return Claim.NEW;
		}
		catch (DuplicateKeyException ex) {
			Map<String, Object> row = this.jdbc
				.queryForMap("select state, attempts, claimed_by, claimed_at from digest_delivery "
						+ "where schedule_id = ? and period_key = ?", scheduleId, periodKey);
			String state = (String) row.get("state");
			int attempts = ((Number) row.get("attempts")).intValue();
			if (POSTED.equals(state)) {
				return Claim.POSTED;
			}
			if (UNDELIVERABLE.equals(state) || attempts >= this.properties.maxAttempts()) {
				return Claim.GIVEN_UP;
			}
			if (CLAIMED.equals(state) && isLeased(row)) {
				return Claim.BUSY;
			}
			int taken = this.jdbc.update(
					"update digest_delivery set state = ?, attempts = attempts + 1, claimed_by = ?, claimed_at = ? "
							+ "where schedule_id = ? and period_key = ? and state = ? and attempts = ?",
					CLAIMED, this.instanceId, now, scheduleId, periodKey, state, attempts);
			return (taken == 1) ? Claim.UNFINISHED : Claim.BUSY;
		}
	}

	/**
	 * Whether another instance claimed the period so recently that it may still be
	 * posting it (a claim of this instance that is not in flight belongs to a finished or
	 * failed run, and a claim older than the lease to a run that died).
	 */
	private boolean isLeased(Map<String, Object> row) {
		if (this.instanceId.equals(row.get("claimed_by"))) {
			return false;
		}
		Object claimedAt = row.get("claimed_at");
		Instant at = (claimedAt instanceof Timestamp timestamp) ? timestamp.toInstant()
				: (claimedAt instanceof java.time.OffsetDateTime offset) ? offset.toInstant() : Instant.EPOCH;
		return at.plus(this.properties.claimLease()).isAfter(this.clock.instant());
	}

	/**
	 * The message a period was posted as.
	 * @param scheduleId the schedule
	 * @param periodKey the period
	 * @return its timestamp, when posted
	 */
	Optional<String> postedTs(long scheduleId, String periodKey) {
		return this.jdbc
			.queryForList("select message_ts from digest_delivery where schedule_id = ? and period_key = ? "
					+ "and state = ?", String.class, scheduleId, periodKey, POSTED)
			.stream()
			.filter(Objects::nonNull)
			.findFirst();
	}

	/**
	 * Record a claimed period as posted.
	 * @param scheduleId the schedule
	 * @param periodKey the period
	 * @param channelId the channel it was posted to
	 * @param ts the message timestamp
	 */
	void posted(long scheduleId, String periodKey, String channelId, String ts) {
		finish(scheduleId, periodKey, POSTED, channelId, ts, null);
	}

	/**
	 * Record a claimed period as failed.
	 * @param scheduleId the schedule
	 * @param periodKey the period
	 * @param error what went wrong
	 * @param retryable whether a later attempt may succeed
	 */
	void failed(long scheduleId, String periodKey, String error, boolean retryable) {
		finish(scheduleId, periodKey, retryable ? FAILED : UNDELIVERABLE, null, null, error);
	}

	private void finish(long scheduleId, String periodKey, String state, String channelId, String ts, String error) {
		try {
			this.jdbc.update(
					"update digest_delivery set state = ?, channel_id = ?, message_ts = ?, error = ?, finished_at = ? "
							+ "where schedule_id = ? and period_key = ?",
					state, channelId, ts, abbreviate(error), Timestamp.from(this.clock.instant()), scheduleId,
					periodKey);
		}
		finally {
			this.inFlight.remove(scheduleId + "|" + periodKey);
		}
	}

	/**
	 * Deliveries to try again: claims left unfinished and transient failures older than
	 * the retry delay, not beyond the attempts allowed, not in flight here.
	 * @return the schedule ids and period keys
	 */
	List<Pending> pending() {
		Instant now = this.clock.instant();
		Timestamp before = Timestamp.from(now.minus(this.properties.retryAfter()));
		Timestamp notBefore = Timestamp.from(now.minus(this.properties.misfireGrace()));
		return this.jdbc
			.query("select schedule_id, period_key from digest_delivery where state in (?, ?) and attempts < ? "
					+ "and claimed_at < ? and claimed_at >= ? order by claimed_at",
					(rs, i) -> new Pending(rs.getLong(1), rs.getString(2)), CLAIMED, FAILED,
					this.properties.maxAttempts(), before, notBefore)
			.stream()
			.filter((pending) -> !this.inFlight.contains(pending.scheduleId() + "|" + pending.periodKey()))
			.toList();
	}

	private static String abbreviate(String error) {
		return (error != null && error.length() > 200) ? error.substring(0, 200) : error;
	}

	/**
	 * What a claim allows.
	 */
	enum Claim {

		/** Claimed afresh: post. */
		NEW,

		/** Taken over from a run that did not finish: reconcile, then post if absent. */
		UNFINISHED,

		/** Already posted: nothing to do. */
		POSTED,

		/** Another run holds it right now: nothing to do. */
		BUSY,

		/** Failed for good (channel unavailable, or out of attempts). */
		GIVEN_UP

	}

	/**
	 * A delivery to try again.
	 *
	 * @param scheduleId the schedule
	 * @param periodKey the period
	 */
	record Pending(long scheduleId, String periodKey) {

	}

}
