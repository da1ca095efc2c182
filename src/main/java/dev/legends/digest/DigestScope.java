package dev.legends.digest;

import java.util.Set;

/**
 * Whose figures a digest shows: a team, the members of a channel, or everyone in the
 * workspace.
 *
 * @param workspaceId the workspace
 * @param teamId the team, or {@code null}
 * @param memberIds the channel's members known to Legends, or {@code null} for a team or
 * the whole workspace
 */
public record DigestScope(long workspaceId, Long teamId, Set<Long> memberIds) {

	public DigestScope {
		memberIds = (memberIds != null) ? Set.copyOf(memberIds) : null;
	}

	/**
	 * A team's digest, or the whole workspace's without a team.
	 * @param workspaceId the workspace
	 * @param teamId the team, or {@code null} for the whole workspace
	 */
	public DigestScope(long workspaceId, Long teamId) {
		this(workspaceId, teamId, null);
	}

	/**
	 * The members of a channel.
	 * @param workspaceId the workspace
	 * @param memberIds the channel's members known to Legends
	 * @return the scope
	 */
	public static DigestScope channel(long workspaceId, Set<Long> memberIds) {
		return new DigestScope(workspaceId, null, memberIds);
	}

	/**
	 * Whether the scope is a channel's members.
	 * @return {@code true} for a channel
	 */
	public boolean isChannel() {
		return this.memberIds != null;
	}

}
