package dev.legends.digest;

/**
 * Port to the chat platform for the weekly nudge: a DM asking a person what they shipped,
 * with a button to report it.
 */
public interface NudgePublisher {

	/**
	 * Send the nudge.
	 * @param nudge who and for which week
	 * @return {@code true} when sent
	 */
	boolean nudge(Nudge nudge);

	/**
	 * A weekly nudge.
	 *
	 * @param workspaceId the person's workspace (whose installation sends it)
	 * @param userId the person's Slack user id
	 * @param displayName their name
	 * @param isoWeek the ISO week, e.g. {@code 2026-W48}
	 */
	record Nudge(long workspaceId, String userId, String displayName, String isoWeek) {

	}

}
