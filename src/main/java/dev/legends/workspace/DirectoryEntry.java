package dev.legends.workspace;

/**
 * What the chat platform's directory says about a person.
 *
 * @param userId the Slack user id
 * @param displayName the name to show (display name, else real name, else handle)
 * @param realName the full name, if any
 * @param email the email, if the app may read it
 * @param timeZone an IANA timezone id
 * @param admin whether the person is a workspace admin or owner
 */
public record DirectoryEntry(String userId, String displayName, String realName, String email, String timeZone,
		boolean admin) {

}
