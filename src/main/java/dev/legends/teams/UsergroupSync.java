package dev.legends.teams;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Re-reads the members of every team linked to a Slack user group once a day
 * ({@code legends.teams.usergroup-sync-cron}, default 04:30 every day).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class UsergroupSync {

	private static final Logger logger = LoggerFactory.getLogger(UsergroupSync.class);

	private final Teams teams;

	UsergroupSync(Teams teams) {
		this.teams = teams;
	}

	@Scheduled(cron = "${legends.teams.usergroup-sync-cron:0 30 4 * * *}", zone = "${legends.timezone:UTC}")
	void syncDaily() {
		int synced = this.teams.syncUsergroups();
		logger.info("Synced the members of {} team(s) from their Slack user groups", synced);
	}

}
