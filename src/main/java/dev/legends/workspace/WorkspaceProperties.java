package dev.legends.workspace;

import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Workspace-wide settings: the default timezone for periods and digests and the Slack
 * user ids that are Legends admins.
 *
 * @param timezone the workspace timezone ({@code LEGENDS_TIMEZONE})
 * @param adminUsers Slack user ids that are admins ({@code LEGENDS_ADMIN_USERS})
 */
@ConfigurationProperties("legends")
public record WorkspaceProperties(@DefaultValue("UTC") ZoneId timezone, @DefaultValue List<String> adminUsers) {

	public WorkspaceProperties {
		adminUsers = adminUsers.stream().map(String::trim).filter((id) -> !id.isEmpty()).toList();
	}

}
