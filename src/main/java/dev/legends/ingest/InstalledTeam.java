package dev.legends.ingest;

import java.util.Optional;

/**
 * Port to the chat platform: the Slack team the app's bot token belongs to, so that the
 * bootstrap key ({@code LEGENDS_INGEST_KEY}) knows its workspace before anyone used
 * {@code /legends}.
 */
public interface InstalledTeam {

	/**
	 * The installed team's id (Slack's {@code auth.test}).
	 * @return the team id, or empty when the platform cannot tell now
	 */
	Optional<String> teamId();

	/**
	 * Whether Legends serves one workspace (with {@code SLACK_BOT_TOKEN} or Socket Mode),
	 * so that one operator key can belong to it. With OAuth installs it serves many, and
	 * the bootstrap key belongs to none of them.
	 * @return {@code true} for one workspace
	 */
	default boolean oneWorkspace() {
		return true;
	}

}
