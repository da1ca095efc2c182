package dev.legends.workspace;

/**
 * Which workspace a Slack team id belongs to: itself, or, when Legends is installed
 * org-wide on Enterprise Grid, the org's one workspace. Implemented at the Slack edge.
 */
public interface WorkspaceKeys {

	/**
	 * The Slack id the team's data is kept under.
	 * @param slackTeamId the team id a Slack request or record carries
	 * @return the key of its workspace ({@code slackTeamId} itself unless it belongs to
	 * an org-wide install)
	 */
	String keyOf(String slackTeamId);

}
