package dev.legends.teams;

import java.util.Set;

/**
 * A team as other modules see it: who is in it, who manages it, and where its digest
 * goes.
 *
 * @param id the team id
 * @param workspaceId the workspace it belongs to
 * @param name its name, unique in the workspace (ignoring case)
 * @param memberIds ids of its members ({@code Member#getId()})
 * @param managerIds ids of its managers (who need not be members)
 * @param usergroupId the Slack user group its members are synced from, or {@code null}
 * @param digestChannelId the default channel for its digest, or {@code null}
 */
public record Team(Long id, Long workspaceId, String name, Set<Long> memberIds, Set<Long> managerIds,
		String usergroupId, String digestChannelId) {

	/** Teams smaller than this never have their figures shown in channels. */
	public static final int MIN_SIZE_FOR_CHANNELS = 5;

	public Team {
		memberIds = Set.copyOf(memberIds);
		managerIds = Set.copyOf(managerIds);
	}

	/**
	 * How many people are in the team.
	 * @return the number of members
	 */
	public int size() {
		return this.memberIds.size();
	}

	/**
	 * Whether a person is a member of this team.
	 * @param memberId the member id
	 * @return {@code true} for members
	 */
	public boolean hasMember(Long memberId) {
		return this.memberIds.contains(memberId);
	}

	/**
	 * Whether a person manages this team.
	 * @param memberId the member id
	 * @return {@code true} for its managers
	 */
	public boolean isManagedBy(Long memberId) {
		return this.managerIds.contains(memberId);
	}

	/**
	 * Whether a person may see this team's figures (its members and managers).
	 * @param memberId the member id
	 * @return {@code true} for members and managers
	 */
	public boolean isVisibleTo(Long memberId) {
		return hasMember(memberId) || isManagedBy(memberId);
	}

	/**
	 * Whether the team is large enough for its figures to be shown in a channel.
	 * @return {@code true} for teams of {@value #MIN_SIZE_FOR_CHANNELS} or more
	 */
	public boolean isChannelSized() {
		return size() >= MIN_SIZE_FOR_CHANNELS;
	}

}
