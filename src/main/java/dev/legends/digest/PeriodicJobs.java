package dev.legends.digest;

import java.util.TimeZone;

import dev.legends.scoring.Coaching;
import dev.legends.teams.Teams;
import dev.legends.workspace.WorkspaceProperties;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The app's periodic jobs besides digests, on Quartz's JDBC job store, so that with
 * several instances on PostgreSQL each runs once per cluster, not once per instance: the
 * daily user-group sync ({@code legends.teams.usergroup-sync-cron}, 04:30) and the weekly
 * coaching ({@code legends.scoring.coaching-cron}, Mondays 10:00), both in
 * {@code LEGENDS_TIMEZONE}.
 */
@Configuration(proxyBeanMethods = false)
class PeriodicJobs {

	static final String GROUP = "periodic";

	static final String USERGROUP_SYNC = "usergroup-sync";

	static final String COACHING = "coaching";

	@Bean
	JobDetail usergroupSyncJob() {
		return job(UsergroupSyncJob.class, USERGROUP_SYNC, "Team members from their Slack user groups");
	}

	@Bean
	Trigger usergroupSyncTrigger(JobDetail usergroupSyncJob,
			@Value("${legends.teams.usergroup-sync-cron:0 30 4 * * *}") String cron, WorkspaceProperties workspace) {
		return trigger(usergroupSyncJob, cron, workspace);
	}

	@Bean
	JobDetail coachingJob() {
		return job(CoachingJob.class, COACHING, "Weekly coaching notes");
	}

	@Bean
	Trigger coachingTrigger(JobDetail coachingJob,
			@Value("${legends.scoring.coaching-cron:0 0 10 * * MON}") String cron, WorkspaceProperties workspace) {
		return trigger(coachingJob, cron, workspace);
	}

	private static JobDetail job(Class<? extends Job> type, String name, String description) {
		return JobBuilder.newJob(type).withIdentity(name, GROUP).withDescription(description).storeDurably().build();
	}

	private static Trigger trigger(JobDetail job, String cron, WorkspaceProperties workspace) {
		return TriggerBuilder.newTrigger()
			.withIdentity(job.getKey().getName(), GROUP)
			.forJob(job)
			.withSchedule(CronScheduleBuilder.cronSchedule(quartzCron(cron))
				.inTimeZone(TimeZone.getTimeZone(workspace.timezone()))
				.withMisfireHandlingInstructionFireAndProceed())
			.build();
	}

	/**
	 * A cron expression in Spring's six-field form ({@code 0 30 4 * * *}) as Quartz reads
	 * it: Quartz wants {@code ?} in one of day-of-month and day-of-week.
	 * @param cron Spring's or Quartz's form
	 * @return Quartz's form
	 */
	static String quartzCron(String cron) {
		String[] fields = cron.trim().split("\\s+");
		if (fields.length < 6 || "?".equals(fields[3]) || "?".equals(fields[5])) {
			return cron.trim();
		}
		if ("*".equals(fields[5])) {
			fields[5] = "?";
		}
		else if ("*".equals(fields[3])) {
			fields[3] = "?";
		}
		return String.join(" ", fields);
	}

	/** Re-reads the members of every team linked to a Slack user group. */
	@DisallowConcurrentExecution
	static class UsergroupSyncJob implements Job {

		private static final Logger logger = LoggerFactory.getLogger(UsergroupSyncJob.class);

		private final Teams teams;

		UsergroupSyncJob(Teams teams) {
			this.teams = teams;
		}

		@Override
		public void execute(JobExecutionContext context) {
			int synced = this.teams.syncUsergroups();
			logger.info("Synced the members of {} team(s) from their Slack user groups", synced);
		}

	}

	/** Sends the weekly coaching notes of every active workspace. */
	@DisallowConcurrentExecution
	static class CoachingJob implements Job {

		private final Coaching coaching;

		CoachingJob(Coaching coaching) {
			this.coaching = coaching;
		}

		@Override
		public void execute(JobExecutionContext context) {
			this.coaching.weekly();
		}

	}

}
