package dev.legends.digest;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the maintenance job (retries and weekly nudges) with Quartz.
 */
@Configuration(proxyBeanMethods = false)
class DigestMaintenanceConfiguration {

	static final String NAME = "digest-maintenance";

	@Bean
	JobDetail digestMaintenanceJob() {
		return JobBuilder.newJob(DigestMaintenanceJob.class)
			.withIdentity(NAME, DigestTriggers.GROUP)
			.withDescription("Digest retries and weekly nudges")
			.storeDurably()
			.build();
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> digestMaintenanceOnStart(Scheduler scheduler) {
		return (event) -> {
			try {
				scheduler.triggerJob(JobKey.jobKey(NAME, DigestTriggers.GROUP));
			}
			catch (SchedulerException ex) {
				throw new IllegalStateException("Cannot start the digest maintenance job", ex);
			}
		};
	}

	@Bean
	Trigger digestMaintenanceTrigger(JobDetail digestMaintenanceJob, DigestProperties properties) {
		return TriggerBuilder.newTrigger()
			.withIdentity(NAME, DigestTriggers.GROUP)
			.forJob(digestMaintenanceJob)
			.withSchedule(CronScheduleBuilder.cronSchedule(properties.nudgeCheck())
				.withMisfireHandlingInstructionFireAndProceed())
			.build();
	}

}
