package dev.legends.digest;

import java.util.TimeZone;

import dev.legends.testkit.LegendsAppTest;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The periodic jobs (user-group sync, coaching) are Quartz jobs in the JDBC job store,
 * which runs each once per cluster, not once per instance.
 */
@LegendsAppTest
class PeriodicJobsTests {

	@Autowired
	Scheduler scheduler;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void periodicJobsWhenAppStartsAreCronTriggersInTheJobStore() throws Exception {
		CronTrigger sync = (CronTrigger) this.scheduler
			.getTrigger(TriggerKey.triggerKey(PeriodicJobs.USERGROUP_SYNC, PeriodicJobs.GROUP));
		CronTrigger coaching = (CronTrigger) this.scheduler
			.getTrigger(TriggerKey.triggerKey(PeriodicJobs.COACHING, PeriodicJobs.GROUP));

		assertThat(sync.getCronExpression()).isEqualTo("0 30 4 * * ?");
		assertThat(coaching.getCronExpression()).isEqualTo("0 0 10 ? * MON");
		assertThat(coaching.getTimeZone()).isEqualTo(TimeZone.getTimeZone("UTC"));
		assertThat(this.jdbc.queryForList("select trigger_name from qrtz_cron_triggers where trigger_group = ?",
				String.class, PeriodicJobs.GROUP))
			.containsExactlyInAnyOrder(PeriodicJobs.USERGROUP_SYNC, PeriodicJobs.COACHING);
	}

	@Test
	void quartzCronWhenSpringFormReadsTheSameTimes() {
		assertThat(PeriodicJobs.quartzCron("0 30 4 * * *")).isEqualTo("0 30 4 * * ?");
		assertThat(PeriodicJobs.quartzCron("0 0 10 * * MON")).isEqualTo("0 0 10 ? * MON");
		assertThat(PeriodicJobs.quartzCron("0 0 10 1 * *")).isEqualTo("0 0 10 1 * ?");
		assertThat(PeriodicJobs.quartzCron("0 0 10 ? * MON-FRI")).isEqualTo("0 0 10 ? * MON-FRI");
	}

}
