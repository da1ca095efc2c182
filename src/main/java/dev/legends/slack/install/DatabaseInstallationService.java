package dev.legends.slack.install;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.service.InstallationService;
import dev.legends.workspace.Members;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Bolt's {@link InstallationService} on the installations table, shared by every
 * instance. Only bot tokens are kept (Legends asks for no user scopes). The bot handed to
 * Bolt carries a token that does not expire soon and no refresh token, so that refreshing
 * stays with {@link InstallationTokens}.
 */
class DatabaseInstallationService implements InstallationService {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseInstallationService.class);

	private final Installations installations;

	private final InstallationTokens tokens;

	private final ObjectProvider<Members> members;

	private final String installUrl;

	private final OrgWorkspaceKeys orgKeys;

	DatabaseInstallationService(Installations installations, InstallationTokens tokens, ObjectProvider<Members> members,
			String installUrl, OrgWorkspaceKeys orgKeys) {
		this.orgKeys = orgKeys;
		this.installations = installations;
		this.tokens = tokens;
		this.members = members;
		this.installUrl = installUrl;
	}

	@Override
	public boolean isHistoricalDataEnabled() {
		return false;
	}

	@Override
	public void setHistoricalDataEnabled(boolean isHistoricalDataEnabled) {
	}

	@Override
	public void saveInstallerAndBot(Installer installer) {
		String key = this.installations.save(installer);
		if (!Boolean.TRUE.equals(installer.getIsEnterpriseInstall())) {
			this.orgKeys.installedOnItsOwn(key);
		}
		this.members.getObject().workspace(key);
		this.members.getObject().activate(key);
		logger.info("Legends was installed in {} ({})", key,
				Boolean.TRUE.equals(installer.getIsEnterpriseInstall()) ? "org-wide" : "workspace");
	}

	@Override
	public void deleteBot(Bot bot) {
		deleteAll(bot.getEnterpriseId(), bot.getTeamId());
	}

	@Override
	public void deleteInstaller(Installer installer) {
		// no user tokens are stored
	}

	@Override
	public Bot findBot(String enterpriseId, String teamId) {
		return this.installations.find(enterpriseId, teamId)
			.map(this.tokens::fresh)
			.filter(Installation::installed)
			.map(DatabaseInstallationService::bot)
			.orElse(null);
	}

	@Override
	public Installer findInstaller(String enterpriseId, String teamId, String userId) {
		return null;
	}

	/**
	 * Forget the tokens of the installation an {@code app_uninstalled} or
	 * {@code tokens_revoked} event names: the workspace's own install when it names a
	 * team, else the org's org-wide install.
	 */
	@Override
	public void deleteAll(String enterpriseId, String teamId) {
		this.installations.byKey((teamId != null) ? teamId : enterpriseId).ifPresent((installation) -> {
			if (this.installations.uninstall(installation.installKey())) {
				logger.info("Legends was uninstalled from {}: its tokens are deleted", installation.installKey());
			}
			this.members.getObject().deactivate(installation.installKey());
		});
	}

	@Override
	public String getInstallationGuideText(String enterpriseId, String teamId, String userId) {
		return "Legends is not installed in this workspace (or was uninstalled). An admin can install it from "
				+ this.installUrl;
	}

	private static Bot bot(Installation installation) {
		DefaultBot bot = new DefaultBot();
		bot.setEnterpriseId(installation.enterpriseId());
		bot.setTeamId(installation.teamId());
		bot.setIsEnterpriseInstall(installation.enterpriseInstall());
		bot.setBotId(installation.botId());
		bot.setBotUserId(installation.botUserId());
		bot.setBotScope(installation.botScopes());
		bot.setScope(installation.botScopes());
		bot.setBotAccessToken(installation.botToken());
		bot.setInstalledAt(installation.installedAt().toEpochMilli());
		return bot;
	}

}
