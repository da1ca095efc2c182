package dev.legends.digest;

import java.time.Clock;
import java.util.Optional;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Fired by a schedule's CronTrigger (also once after a misfire, when the app was down):
 * posts the last full week's digest, once; a fire later than the misfire grace is
 * skipped. A manual fire (trigger now) takes its reference time from the app's clock.
 * Runs may overlap: the delivery ledger, not Quartz, keeps each period to one post.
 */
class DigestJob implements Job {

	static final String SCHEDULE_ID = "scheduleId";

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
		this.runner.runFired(scheduleId, context.getFireTime().toInstant(), this.properties.misfireGrace());
	}

}
