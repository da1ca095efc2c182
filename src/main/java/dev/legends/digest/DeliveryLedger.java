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

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The delivery ledger: a (schedule, period) is claimed in a table with a unique
 * constraint before anything is posted, marked as sending just before the message goes to
 * Slack, and finished as posted (with channel and ts) or failed. An instance renews the
 * lease of its claims while it works on them ({@code legends.digest.claim-lease}); a
 * claim whose lease ran out belongs to a run that died, and is taken over: posted
 * straight away when the ledger shows it was never sent, reconciled with the channel
 * first when it was.
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

	/** Names the process (for operators reading the ledger) and this run of it. */
	private final String instanceId = ProcessHandle.current().pid() + "-" + UUID.randomUUID();

	private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

	private final MeterRegistry registry;

	DeliveryLedger(JdbcTemplate jdbc, DigestProperties properties, Optional<Clock> clock,
			ObjectProvider<MeterRegistry> registry) {
		this.jdbc = jdbc;
		this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
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
			if (!claim.mayPost()) {
				this.inFlight.remove(key);
			}
		}
	}

	/**
	 * Record that a claimed period's message is being handed to Slack now: from here on,
	 * a taker of the claim must look in the channel before posting.
	 * @param scheduleId the schedule
	 * @param periodKey the period
	 */
	void sending(long scheduleId, String periodKey) {
		this.jdbc.update(
				"update digest_delivery set sending_at = ? where schedule_id = ? and period_key = ? and sending_at is null",
				Timestamp.from(this.clock.instant()), scheduleId, periodKey);
	}

	/**
	 * Renew the lease of this instance's claims in flight, so that no other instance
	 * takes them over while they are worked on.
	 * @return how many were renewed
	 */
	int renew() {
		if (this.inFlight.isEmpty()) {
			return 0;
		}
		return this.jdbc.update("update digest_delivery set claimed_at = ? where claimed_by = ? and state = ?",
				Timestamp.from(this.clock.instant()), this.instanceId, CLAIMED);
	}

	/**
	 * Claims whose lease ran out (their instance died or was stopped), within the misfire
	 * grace and the attempts allowed: to be taken over.
	 * @return the schedule ids and period keys
	 */
	List<Pending> abandoned() {
		Instant now = this.clock.instant();
		return this.jdbc
			.query("select schedule_id, period_key from digest_delivery where state = ? and attempts < ? "
					+ "and claimed_at < ? and claimed_at >= ? order by claimed_at",
					(rs, i) -> new Pending(rs.getLong(1), rs.getString(2)), CLAIMED, this.properties.maxAttempts(),
					Timestamp.from(now.minus(this.properties.claimLease())),
					Timestamp.from(now.minus(this.properties.misfireGrace())))
			.stream()
			.filter((pending) -> !this.inFlight.contains(pending.scheduleId() + "|" + pending.periodKey()))
			.toList();
	}

	/**
	 * Let go of this instance's claims still in flight (on shutdown, once the grace
	 * period is over): their lease ends now, so that another instance takes them over at
	 * once.
	 * @return how many were released
	 */
	int releaseInFlight() {
		if (this.inFlight.isEmpty()) {
			return 0;
		}
		int released = this.jdbc.update("update digest_delivery set claimed_at = ? where claimed_by = ? and state = ?",
				Timestamp.from(this.clock.instant().minus(this.properties.claimLease()).minusSeconds(1)),
				this.instanceId, CLAIMED);
		this.inFlight.clear();
		return released;
	}

	/**
	 * Let go of one claim in flight here, never sent, for a take-over within a third of
	 * the lease (by this instance or another).
	 * @param scheduleId the schedule
	 * @param periodKey the period
	 */
	void release(long scheduleId, String periodKey) {
		try {
			this.jdbc.update(
					"update digest_delivery set claimed_at = ?, attempts = attempts - 1 "
							+ "where schedule_id = ? and period_key = ? and state = ? and claimed_by = ?",
					Timestamp.from(this.clock.instant().minus(this.properties.claimLease()).minusSeconds(1)),
					scheduleId, periodKey, CLAIMED, this.instanceId);
		}
		finally {
			this.inFlight.remove(scheduleId + "|" + periodKey);
		}
	}

	/**
	 * How many deliveries this instance is working on now.
	 * @return the claims in flight here
	 */
	int inFlight() {
		return this.inFlight.size();
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
				.queryForMap("select state, attempts, claimed_by, claimed_at, sending_at from digest_delivery "
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
			if (taken != 1) {
				return Claim.BUSY;
			}
			return (CLAIMED.equals(state) && row.get("sending_at") == null) ? Claim.UNSENT : Claim.UNFINISHED;
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
			Counter.builder("legends.digest.deliveries")
				.description("Digest deliveries finished on this instance, by how they ended")
				.tag("state", state.toLowerCase(java.util.Locale.ROOT))
				.register(this.registry)
				.increment();
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

		/**
		 * Taken over from a run that did not finish after it may have sent the message:
		 * reconcile, then post if absent.
		 */
		UNFINISHED,

		/** Taken over from a run that died before it sent anything: post. */
		UNSENT,

		/** Already posted: nothing to do. */
		POSTED,

		/** Another run holds it right now: nothing to do. */
		BUSY,

		/** Failed for good (channel unavailable, or out of attempts). */
		GIVEN_UP;

		boolean mayPost() {
			return this == NEW || this == UNFINISHED || this == UNSENT;
		}

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
