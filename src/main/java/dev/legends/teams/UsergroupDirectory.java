package dev.legends.teams;

import java.util.List;
import java.util.Optional;

/**
 * Port to the chat platform's user groups (Slack's {@code usergroups.users.list}),
 * implemented at the edge.
 */
public interface UsergroupDirectory {

	/**
	 * The Slack user ids in a user group.
	 * @param usergroupId the group id ({@code S…})
	 * @return the user ids, or empty when the group is unknown or the directory cannot
	 * tell
	 */
	Optional<List<String>> members(String usergroupId);

}
