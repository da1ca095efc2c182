package dev.legends.workspace;

import java.util.Optional;

/**
 * Port to the chat platform's user directory, implemented at the edge (Slack's
 * {@code users.info}).
 */
public interface MemberDirectory {

	/**
	 * Look a person up.
	 * @param teamId the workspace's Slack team id
	 * @param userId the Slack user id
	 * @return the entry, or empty when the directory cannot tell (unknown user or
	 * directory unavailable)
	 */
	Optional<DirectoryEntry> lookup(String teamId, String userId);

}
