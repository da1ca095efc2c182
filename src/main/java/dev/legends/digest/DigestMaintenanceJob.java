package dev.legends.digest;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Runs on start and then regularly: retries digest deliveries left unfinished or failed
 * transiently, and sends the weekly nudges that are due.
 */
@DisallowConcurrentExecution
class DigestMaintenanceJob implements Job {

	private final DigestRunner runner;

	private final Nudges nudges;

	private final DigestProperties properties;

	DigestMaintenanceJob(DigestRunner runner, Nudges nudges, DigestProperties properties) {
		this.runner = runner;
		this.nudges = nudges;
		this.properties = properties;
	}

	@Override
	public void execute(JobExecutionContext context) {
		this.runner.retryPending();
		if (this.properties.nudges()) {
			this.nudges.sendDue();
		}
	}

}
