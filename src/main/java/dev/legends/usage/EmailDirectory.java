package dev.legends.usage;

import java.util.Optional;

/**
 * Port to the chat platform's lookup of a person by email (Slack's
 * {@code users.lookupByEmail}), implemented at the edge; implementations cache answers
 * and never throw.
 */
public interface EmailDirectory {

	/**
	 * Find the chat user id of the person with this email.
	 * @param teamId the workspace's Slack team id
	 * @param email the email, lower case
	 * @return the user id, or empty when nobody has it or the directory cannot tell now
	 */
	Optional<String> userIdByEmail(String teamId, String email);

	/**
	 * Whether {@link #userIdByEmail} may be asked now: its answer is known, or a lookup
	 * stays within the platform's rate limit for this workspace (a permit is taken).
	 * Without one, ask again later.
	 * @param teamId the workspace's Slack team id
	 * @param email the email, lower case
	 * @return whether to ask now
	 */
	default boolean mayAsk(String teamId, String email) {
		return true;
	}

}
