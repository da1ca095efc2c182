package dev.legends.slack.install;

import java.time.Instant;

import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultInstaller;

/**
 * One installation of Legends, with its tokens decrypted.
 *
 * @param id the row id
 * @param installKey the Slack id its data is kept under: the org's enterprise id for an
 * org-wide install, else the team id
 * @param enterpriseId the Enterprise Grid org, if any
 * @param teamId the workspace, or {@code null} for an org-wide install
 * @param enterpriseInstall whether it is an org-wide install
 * @param botUserId the bot's user id
 * @param botToken the bot token, {@code null} once uninstalled
 * @param refreshToken the refresh token when token rotation is on
 * @param expiresAt when the bot token expires when token rotation is on
 * @param tokenVersion how many times the token was refreshed
 * @param uninstalledAt when it was uninstalled, if it was
 */
record Installation(long id, String installKey, String enterpriseId, String teamId, boolean enterpriseInstall,
		String botId, String botUserId, String botScopes, String botToken, String refreshToken, Instant expiresAt,
		long tokenVersion, String installerUserId, Instant installedAt, Instant uninstalledAt) {

	static String keyOf(String enterpriseId, String teamId, boolean enterpriseInstall) {
		return (enterpriseInstall && enterpriseId != null) ? enterpriseId : teamId;
	}

	static String teamName(Installer installer) {
		return (installer instanceof DefaultInstaller named) ? named.getTeamName() : null;
	}

	static String enterpriseName(Installer installer) {
		return (installer instanceof DefaultInstaller named) ? named.getEnterpriseName() : null;
	}

	boolean installed() {
		return this.botToken != null && this.uninstalledAt == null;
	}

	@Override
	public String toString() {
		return "Installation[" + this.installKey + "]";
	}

}
