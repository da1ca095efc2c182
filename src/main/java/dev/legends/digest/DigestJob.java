package dev.legends.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fired by a schedule's CronTrigger: posts the last full week's digest, once. A fire
 * later than the misfire grace (the app was down too long) is skipped; a manual fire
 * (trigger now) takes its reference time from the app's clock.
 */
@DisallowConcurrentExecution
class DigestJob implements Job {

	static final String SCHEDULE_ID = "scheduleId";

	private static final Logger logger = LoggerFactory.getLogger(DigestJob.class);

	private final DigestRunner runner;

	private final DigestProperties properties;

	private final Clock clock;

	DigestJob(DigestRunner runner, DigestProperties properties, Optional<Clock> clock) {
		this.runner = runner;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public void execute(JobExecutionContext context) {
		long scheduleId = context.getMergedJobDataMap().getLong(SCHEDULE_ID);
		boolean cron = DigestTriggers.triggerKey(scheduleId).equals(context.getTrigger().getKey());
		if (!cron) {
			this.runner.runScheduled(scheduleId, this.clock.instant());
			return;
		}
		Instant due = context.getScheduledFireTime().toInstant();
		Duration late = Duration.between(due, context.getFireTime().toInstant());
		if (late.compareTo(this.properties.misfireGrace()) > 0) {
			logger.warn("Skipping the digest of schedule {} due at {}: {} late, beyond the grace of {}", scheduleId,
					due, late, this.properties.misfireGrace());
			return;
		}
		this.runner.runScheduled(scheduleId, due);
	}

}
