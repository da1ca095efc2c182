package dev.legends.slack.install;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Legends is installed in OAuth mode.
 *
 * @param scopes the bot scopes requested at install ({@code SLACK_SCOPES}, by default the
 * manifest's)
 * @param encryptionKey base64 of the 32-byte AES key stored tokens are encrypted with
 * ({@code LEGENDS_ENCRYPTION_KEY})
 * @param retentionDaysAfterUninstall days an uninstalled installation's data is kept
 * ({@code LEGENDS_RETENTION_DAYS_AFTER_UNINSTALL})
 */
@ConfigurationProperties("legends.install")
public record InstallProperties(@DefaultValue List<String> scopes, String encryptionKey,
		@DefaultValue("30") int retentionDaysAfterUninstall) {

	/**
	 * The bot scopes of {@code manifest.yml}, requested unless {@code SLACK_SCOPES} says
	 * otherwise.
	 */
	public static final List<String> MANIFEST_SCOPES = List.of("commands", "chat:write", "chat:write.public",
			"users:read", "users:read.email", "im:write", "files:write", "usergroups:read", "channels:history",
			"groups:history", "channels:read", "groups:read");

	public InstallProperties {
		scopes = scopes.stream().map(String::trim).filter((scope) -> !scope.isEmpty()).toList();
		scopes = scopes.isEmpty() ? MANIFEST_SCOPES : scopes;
	}

	@Override
	public String toString() {
		return "InstallProperties[scopes=" + this.scopes + ", retentionDaysAfterUninstall="
				+ this.retentionDaysAfterUninstall + "]";
	}

}
