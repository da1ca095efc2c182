package dev.legends.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.legends.digest.DeliveryLedger.Claim;
import dev.legends.digest.DigestPublisher.DeliveryProblem;
import dev.legends.digest.DigestPublisher.DigestDelivery;
import dev.legends.digest.DigestPublisher.PostedMessage;
import dev.legends.digest.DigestPublisher.PublishResult;
import dev.legends.workspace.ChangeVersions;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import dev.legends.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Runs one digest delivery exactly once: claims the (schedule, period) in the ledger,
 * reconciles a claim taken over after its message may have been sent with the channel's
 * history (one never sent is posted straight away), composes and posts, then records the
 * result and keeps the schedule's status (and its owner) up to date.
 */
@Component
class DigestRunner {

	private static final Logger logger = LoggerFactory.getLogger(DigestRunner.class);

	private static final int CHART_CACHE = 64;

	private final DigestScheduleRepository schedules;

	private final DeliveryLedger ledger;

	private final DigestComposer composer;

	private final DigestPublisher publisher;

	private final Members members;

	private final DueTogether dueTogether;

	private final ChangeVersions versions;

	private final Clock clock;

	private final Map<List<Digest.WeekFigures>, byte[]> charts = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<List<Digest.WeekFigures>, byte[]> eldest) {
			return size() > CHART_CACHE;
		}

	};

	DigestRunner(DigestScheduleRepository schedules, DeliveryLedger ledger, DigestComposer composer,
			DigestPublisher publisher, Members members, DueTogether dueTogether, ChangeVersions versions,
			Optional<Clock> clock) {
		this.versions = versions;
		this.schedules = schedules;
		this.ledger = ledger;
		this.composer = composer;
		this.publisher = publisher;
		this.members = members;
		this.dueTogether = dueTogether;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Handle a fire of a schedule's trigger: find the occurrence it stands for (the
	 * latest weekday and time at or before the fire, in the schedule's timezone), skip it
	 * when the fire comes later than the misfire grace (the app was down too long), else
	 * post that occurrence's digest, once, and start the others due at the same time.
	 */
	CompletableFuture<Outcome> runFired(long scheduleId, Instant fired, Duration grace) {
		Optional<DigestSchedule> schedule = this.schedules.findById(scheduleId);
		if (schedule.isEmpty()) {
			return CompletableFuture.completedFuture(Outcome.SKIPPED);
		}
		Instant due = lastOccurrence(schedule.get(), fired);
		Duration late = Duration.between(due, fired);
		if (late.compareTo(grace) > 0) {
			logger.warn("Skipping the digest of schedule {} due at {}: {} late, beyond the grace of {}", scheduleId,
					due, late, grace);
			return CompletableFuture.completedFuture(Outcome.SKIPPED);
		}
		if (schedule.get().getStatus() == ScheduleStatus.OFF) {
			return CompletableFuture.completedFuture(Outcome.SKIPPED);
		}
		CompletableFuture<Outcome> own = run(schedule.get(),
				DigestPeriod.lastFullWeek(due, schedule.get().getZoneId()));
		runDueTogether(schedule.get(), due);
		return own;
	}

	/**
	 * Start the other digests due at the same time, the first time one of them fires:
	 * their own fires then find them claimed or posted.
	 */
	private void runDueTogether(DigestSchedule fired, Instant due) {
		for (DigestSchedule other : this.dueTogether.othersOnce(fired, due)) {
			this.dueTogether.start(() -> {
				try {
					run(other, DigestPeriod.lastFullWeek(due, other.getZoneId()));
				}
				catch (RuntimeException ex) {
					logger.warn("Could not start the digest of schedule {} due at {}; its own trigger will",
							other.getId(), due, ex);
				}
			});
		}
	}

	/**
	 * The latest time at or before an instant that the schedule's weekday and time name.
	 */
	static Instant lastOccurrence(DigestSchedule schedule, Instant at) {
		ZonedDateTime local = at.atZone(schedule.getZoneId());
		ZonedDateTime candidate = local.with(TemporalAdjusters.previousOrSame(schedule.getWeekday()))
			.with(schedule.getTime());
		if (candidate.isAfter(local)) {
			candidate = candidate.minusWeeks(1);
		}
		return candidate.toInstant();
	}

	/**
	 * Post the digest of the last full week before a due time, unless the schedule is
	 * off.
	 */
	CompletableFuture<Outcome> runScheduled(long scheduleId, Instant due) {
		Optional<DigestSchedule> schedule = this.schedules.findById(scheduleId);
		if (schedule.isEmpty() || schedule.get().getStatus() == ScheduleStatus.OFF) {
			return CompletableFuture.completedFuture(Outcome.SKIPPED);
		}
		return run(schedule.get(), DigestPeriod.lastFullWeek(due, schedule.get().getZoneId()));
	}

	/**
	 * Claim this minute's week-to-date digest of a schedule, without composing or posting
	 * it yet (a request that must answer within Slack's 3 seconds claims here and posts
	 * in the background with {@link #deliver(DigestNow)}).
	 */
	DigestNow claimNow(DigestSchedule schedule) {
		DigestPeriod period = DigestPeriod.weekToDate(this.clock.instant(), schedule.getZoneId());
		Claim claim = this.ledger.claim(schedule.getId(), period.key());
		return switch (claim) {
			case NEW, UNFINISHED, UNSENT -> DigestNow.started(schedule, period, claim);
			case POSTED -> DigestNow.found(DigestNow.State.POSTED, schedule.getChannelId(),
					this.ledger.postedTs(schedule.getId(), period.key()).orElse(null));
			case BUSY -> DigestNow.found(DigestNow.State.POSTING, schedule.getChannelId(), null);
			case GIVEN_UP -> DigestNow.found(DigestNow.State.GIVEN_UP, schedule.getChannelId(), null);
		};
	}

	/** Compose and post a digest {@link #claimNow} claimed. */
	CompletableFuture<Outcome> deliver(DigestNow now) {
		return deliver(now.schedule, now.period, now.claim);
	}

	/**
	 * Try again the deliveries left unfinished (a crash between claim and post) or failed
	 * transiently.
	 */
	void retryPending() {
		for (DeliveryLedger.Pending pending : this.ledger.pending()) {
			this.schedules.findById(pending.scheduleId()).ifPresent((schedule) -> {
				logger.info("Retrying the digest of schedule {} for {}", schedule.getId(), pending.periodKey());
				run(schedule, DigestPeriod.parse(pending.periodKey(), schedule.getZoneId()));
			});
		}
	}

	CompletableFuture<Outcome> run(DigestSchedule schedule, DigestPeriod period) {
		if (!installed(schedule)) {
			logger.info("Digest {} of schedule {} not posted: Legends is not installed in its workspace", period.key(),
					schedule.getId());
			return CompletableFuture.completedFuture(Outcome.SKIPPED);
		}
		Claim claim = this.ledger.claim(schedule.getId(), period.key());
		switch (claim) {
			case POSTED:
				return CompletableFuture.completedFuture(Outcome.ALREADY_POSTED);
			case BUSY:
				return CompletableFuture.completedFuture(Outcome.IN_FLIGHT);
			case GIVEN_UP:
				return CompletableFuture.completedFuture(Outcome.GIVEN_UP);
			default:
				return deliver(schedule, period, claim);
		}
	}

	/** Whether the schedule's workspace still has Legends installed (not uninstalled). */
	private boolean installed(DigestSchedule schedule) {
		return this.members.findWorkspace(schedule.getWorkspaceId()).map(Workspace::isActive).orElse(false);
	}

	private CompletableFuture<Outcome> deliver(DigestSchedule schedule, DigestPeriod period, Claim claim) {
		try {
			if (claim == Claim.UNFINISHED) {
				Optional<PostedMessage> found = this.publisher.findPosted(schedule.getWorkspaceId(),
						schedule.getChannelId(), schedule.getId(), period.key());
				if (found.isPresent()) {
					logger.info("Digest {} of schedule {} was already in the channel: recorded, not re-posted",
							period.key(), schedule.getId());
					recordPosted(schedule, period, found.get());
					return CompletableFuture.completedFuture(Outcome.RECONCILED);
				}
			}
			long version = this.versions.current(schedule.getWorkspaceId());
			DigestComposer.Composed composed = this.composer.compose(schedule, period, version);
			Digest digest = composed.digest();
			byte[] chart = digest.shows(DigestSection.CHART) ? chart(composed.chartWeeks()) : null;
			DigestDelivery delivery = new DigestDelivery(schedule.getWorkspaceId(), schedule.getId(), period.key(),
					schedule.getChannelId(), digest, chart, () -> beforeSending(schedule, period, version));
			return this.publisher.post(delivery).handle((result, ex) -> {
				if (ex != null && causedBy(ex, ChangedSinceComposed.class)) {
					logger.info("Digest {} of schedule {} changed since it was composed (an opt-out, a vacation, an "
							+ "outcome): composed again", period.key(), schedule.getId());
					this.ledger.release(schedule.getId(), period.key());
					return Outcome.RECOMPOSED;
				}
				return record(schedule, period,
						(ex != null) ? PublishResult.failed(String.valueOf(ex.getMessage())) : result);
			});
		}
		catch (RuntimeException ex) {
			logger.warn("Digest {} of schedule {} failed before posting", period.key(), schedule.getId(), ex);
			this.ledger.failed(schedule.getId(), period.key(), ex.getClass().getSimpleName(), true);
			return CompletableFuture.completedFuture(Outcome.FAILED);
		}
	}

	/**
	 * Just before the message goes to Slack: make sure nothing it shows changed since it
	 * was composed (an opt-out or vacation must never be posted stale), then record that
	 * it is being sent.
	 */
	private void beforeSending(DigestSchedule schedule, DigestPeriod period, long version) {
		if (this.versions.current(schedule.getWorkspaceId()) != version) {
			throw new ChangedSinceComposed();
		}
		this.ledger.sending(schedule.getId(), period.key());
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	/** What a digest showed changed between composing and posting it. */
	static final class ChangedSinceComposed extends RuntimeException {

		ChangedSinceComposed() {
			super("changed since composed", null, false, false);
		}

	}

	private byte[] chart(List<Digest.WeekFigures> weeks) {
		synchronized (this.charts) {
			byte[] cached = this.charts.get(weeks);
			if (cached != null) {
				return cached;
			}
		}
		byte[] png = DigestChart.render(weeks);
		synchronized (this.charts) {
			this.charts.put(weeks, png);
		}
		return png;
	}

	private Outcome record(DigestSchedule schedule, DigestPeriod period, PublishResult result) {
		try {
			switch (result.status()) {
				case POSTED:
					recordPosted(schedule, period, result.message());
					return Outcome.POSTED;
				case CHANNEL_UNAVAILABLE:
					this.ledger.failed(schedule.getId(), period.key(), result.error(), false);
					recordUnavailable(schedule.getId(), result.error());
					return Outcome.CHANNEL_UNAVAILABLE;
				default:
					logger.warn("Digest {} of schedule {} failed: {}; retried later", period.key(), schedule.getId(),
							result.error());
					this.ledger.failed(schedule.getId(), period.key(), result.error(), true);
					return Outcome.FAILED;
			}
		}
		catch (RuntimeException ex) {
			logger.error("Could not record the delivery of digest {} of schedule {}", period.key(), schedule.getId(),
					ex);
			return Outcome.FAILED;
		}
	}

	private void recordPosted(DigestSchedule schedule, DigestPeriod period, PostedMessage message) {
		this.ledger.posted(schedule.getId(), period.key(), message.channelId(), message.ts());
		if (schedule.getFailure() == null && schedule.getStatus() != ScheduleStatus.FAILING) {
			return;
		}
		this.schedules.findById(schedule.getId()).filter((fresh) -> fresh.getFailure() != null).ifPresent((fresh) -> {
			fresh.setStatus((fresh.getStatus() == ScheduleStatus.FAILING) ? ScheduleStatus.ACTIVE : fresh.getStatus(),
					null, this.clock.instant());
			this.schedules.save(fresh);
		});
	}

	/** Marks the schedule failing and tells its owner, once per failure. */
	private void recordUnavailable(long scheduleId, String error) {
		DigestSchedule schedule = this.schedules.findById(scheduleId).orElse(null);
		if (schedule == null || schedule.getFailure() != null) {
			return;
		}
		ScheduleStatus status = (schedule.getStatus() == ScheduleStatus.ACTIVE) ? ScheduleStatus.FAILING
				: schedule.getStatus();
		schedule.setStatus(status, error, this.clock.instant());
		this.schedules.save(schedule);
		logger.warn("Digest schedule {} cannot post to {}: {}; its owner is told", scheduleId, schedule.getChannelId(),
				error);
		this.members.findById(schedule.getOwnerMemberId())
			.map(Member::getSlackUserId)
			.ifPresent((owner) -> this.publisher
				.tellOwner(new DeliveryProblem(schedule.getWorkspaceId(), owner, schedule.getChannelId(), error)));
	}

	/**
	 * How a run ended.
	 */
	enum Outcome {

		/** Posted now. */
		POSTED,

		/**
		 * Changed since it was composed: released, composed again and posted by the next
		 * take-over (within a third of the claim lease).
		 */
		RECOMPOSED,

		/** Found already posted in the channel and recorded. */
		RECONCILED,

		/** Posted before. */
		ALREADY_POSTED,

		/** Being posted by another run. */
		IN_FLIGHT,

		/** The schedule is off or gone. */
		SKIPPED,

		/** The channel cannot be posted to. */
		CHANNEL_UNAVAILABLE,

		/** Failed, retried later. */
		FAILED,

		/** Failed too often or for good. */
		GIVEN_UP

	}

}
