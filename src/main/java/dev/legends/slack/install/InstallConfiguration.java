package dev.legends.slack.install;

import java.time.Clock;
import java.util.Optional;
import java.util.TimeZone;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackOAuthAppServlet;
import dev.legends.digest.DigestSchedules;
import dev.legends.ingest.InstalledTeam;
import dev.legends.slack.OAuthModeCondition;
import dev.legends.slack.SlackProperties;
import dev.legends.workspace.CacheEpochs;
import dev.legends.workspace.Members;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OAuth mode ({@code SLACK_CLIENT_ID} and {@code SLACK_CLIENT_SECRET} set): installations
 * in the database with encrypted tokens, and Bolt's install and redirect endpoints.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OAuthModeCondition.class)
class InstallConfiguration {

	@Bean
	TokenCipher tokenCipher(InstallProperties properties) {
		return new TokenCipher(properties.encryptionKey());
	}

	@Bean
	Installations installations(JdbcTemplate jdbc, TokenCipher cipher, Optional<Clock> clock) {
		return new Installations(jdbc, cipher, clock.orElse(Clock.systemUTC()));
	}

	@Bean
	InstallationTokens installationTokens(Installations installations, ObjectProvider<Members> members, Slack slack,
			SlackProperties properties, TransactionTemplate transactions, Optional<Clock> clock) {
		return new InstallationTokens(installations, members, slack, properties, transactions,
				clock.orElse(Clock.systemUTC()));
	}

	@Bean
	DatabaseInstallationService databaseInstallationService(Installations installations, InstallationTokens tokens,
			ObjectProvider<Members> members, OrgWorkspaceKeys orgKeys) {
		return new DatabaseInstallationService(installations, tokens, members, OAuthSetup.INSTALL_PATH, orgKeys);
	}

	@Bean
	DatabaseOAuthStateService databaseOAuthStateService(JdbcTemplate jdbc, Optional<Clock> clock) {
		return new DatabaseOAuthStateService(jdbc, clock.orElse(Clock.systemUTC()));
	}

	@Bean
	OAuthSetup oauthSetup(SlackProperties slack, InstallProperties properties,
			DatabaseInstallationService installations, DatabaseOAuthStateService states, OrgWorkspaceKeys orgKeys) {
		return new OAuthSetup(slack, properties.scopes(), installations, states, orgKeys);
	}

	@Bean
	UninstalledDataPurge uninstalledDataPurge(Installations installations, JdbcTemplate jdbc,
			InstallProperties properties, Optional<Clock> clock, ObjectProvider<DigestSchedules> digests) {
		return new UninstalledDataPurge(installations, jdbc, properties.retentionDaysAfterUninstall(),
				clock.orElse(Clock.systemUTC()), digests);
	}

	@Bean
	JobDetail uninstalledDataPurgeJob() {
		return JobBuilder.newJob(UninstalledDataPurge.PurgeJob.class)
			.withIdentity("uninstalled-data-purge", "periodic")
			.withDescription("Data of installations uninstalled longer than the retention time")
			.storeDurably()
			.build();
	}

	@Bean
	Trigger uninstalledDataPurgeTrigger(JobDetail uninstalledDataPurgeJob,
			@Value("${legends.install.purge-cron:0 17 3 * * ?}") String cron) {
		return TriggerBuilder.newTrigger()
			.withIdentity("uninstalled-data-purge", "periodic")
			.forJob(uninstalledDataPurgeJob)
			.withSchedule(CronScheduleBuilder.cronSchedule(cron)
				.inTimeZone(TimeZone.getTimeZone("UTC"))
				.withMisfireHandlingInstructionFireAndProceed())
			.build();
	}

	/**
	 * Many workspaces: the operator's bootstrap ingest key belongs to none of them.
	 * @return the installed team of OAuth mode
	 */
	@Bean
	InstalledTeam manyInstalledTeams() {
		return new InstalledTeam() {

			@Override
			public Optional<String> teamId() {
				return Optional.empty();
			}

			@Override
			public boolean oneWorkspace() {
				return false;
			}

		};
	}

	@Bean
	OrgWorkspaceKeys orgWorkspaceKeys(JdbcTemplate jdbc, CacheEpochs epochs, Optional<Clock> clock) {
		return new OrgWorkspaceKeys(jdbc, epochs, clock.orElse(Clock.systemUTC()));
	}

	@Bean
	ServletRegistrationBean<SlackOAuthAppServlet> slackOAuthServlet(App app) {
		return new ServletRegistrationBean<>(new SlackOAuthAppServlet(app), OAuthSetup.INSTALL_PATH,
				OAuthSetup.REDIRECT_PATH);
	}

}
