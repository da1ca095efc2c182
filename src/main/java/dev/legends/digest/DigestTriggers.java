package dev.legends.digest;

import java.time.DayOfWeek;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

import org.springframework.stereotype.Component;

/**
 * Keeps one Quartz job with a weekly CronTrigger, in the schedule's timezone, per active
 * digest schedule, on the JDBC job store (so it survives restarts and, on PostgreSQL,
 * fires on one node of the cluster). A missed fire runs once when the app is back.
 */
@Component
class DigestTriggers {

	static final String GROUP = "digest";

	private final Scheduler scheduler;

	DigestTriggers(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	void schedule(DigestSchedule schedule) {
		JobDetail job = JobBuilder.newJob(DigestJob.class)
			.withIdentity(jobKey(schedule.getId()))
			.withDescription("Digest for channel " + schedule.getChannelId())
			.usingJobData(DigestJob.SCHEDULE_ID, schedule.getId())
			.storeDurably()
			.requestRecovery(true)
			.build();
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(triggerKey(schedule.getId()))
			.forJob(job)
			.withSchedule(CronScheduleBuilder
				.atHourAndMinuteOnGivenDaysOfWeek(schedule.getTime().getHour(), schedule.getTime().getMinute(),
						quartzDay(schedule.getWeekday()))
				.inTimeZone(TimeZone.getTimeZone(schedule.getZoneId()))
				.withMisfireHandlingInstructionFireAndProceed())
			.build();
		try {
			this.scheduler.scheduleJob(job, Set.of(trigger), true);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot schedule digest " + schedule.getId(), ex);
		}
	}

	void unschedule(long scheduleId) {
		try {
			this.scheduler.deleteJob(jobKey(scheduleId));
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot unschedule digest " + scheduleId, ex);
		}
	}

	/**
	 * Stop a schedule's trigger firing until {@link #resume}, keeping it (the workspace
	 * was uninstalled).
	 */
	void pause(long scheduleId) {
		try {
			this.scheduler.pauseJob(jobKey(scheduleId));
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot pause digest " + scheduleId, ex);
		}
	}

	/** Let a paused schedule's trigger fire again (the workspace was reinstalled). */
	void resume(long scheduleId) {
		try {
			this.scheduler.resumeJob(jobKey(scheduleId));
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot resume digest " + scheduleId, ex);
		}
	}

	Optional<Date> nextFire(long scheduleId) {
		try {
			Trigger trigger = this.scheduler.getTrigger(triggerKey(scheduleId));
			return Optional.ofNullable(trigger).map(Trigger::getNextFireTime);
		}
		catch (SchedulerException ex) {
			return Optional.empty();
		}
	}

	static JobKey jobKey(long scheduleId) {
		return JobKey.jobKey("digest-" + scheduleId, GROUP);
	}

	static TriggerKey triggerKey(long scheduleId) {
		return TriggerKey.triggerKey("digest-" + scheduleId, GROUP);
	}

	/** Quartz counts Sunday as 1 and Saturday as 7. */
	static int quartzDay(DayOfWeek day) {
		return (day.getValue() % 7) + 1;
	}

}
