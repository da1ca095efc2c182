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

}
