package dev.legends.teams;

import java.util.Set;

/**
 * What a team setup form asks to store: a new team ({@code teamId} null) or new settings
 * for an existing one.
 *
 * @param teamId the team to edit, or {@code null} to create one
 * @param workspaceId the workspace
 * @param name the name
 * @param memberIds the members (ignored when a user group is given: its members are used)
 * @param managerIds the managers
 * @param usergroupId a Slack user group to take members from, or {@code null}
 * @param digestChannelId the default digest channel, or {@code null}
 */
public record TeamChange(Long teamId, Long workspaceId, String name, Set<Long> memberIds, Set<Long> managerIds,
		String usergroupId, String digestChannelId) {

	public TeamChange {
		name = (name != null) ? name.strip() : "";
		memberIds = (memberIds != null) ? Set.copyOf(memberIds) : Set.of();
		managerIds = (managerIds != null) ? Set.copyOf(managerIds) : Set.of();
		usergroupId = blankToNull(usergroupId);
		digestChannelId = blankToNull(digestChannelId);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
