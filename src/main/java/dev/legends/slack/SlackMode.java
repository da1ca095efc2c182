package dev.legends.slack;

/**
 * How Legends talks to Slack.
 */
public enum SlackMode {

	/**
	 * Slack sends signed HTTP requests to {@code /slack/events}.
	 */
	HTTP,

	/**
	 * Slack sends signed HTTP requests to {@code /slack/events} from every workspace that
	 * installed Legends through {@code /slack/install}; each installation's token is
	 * stored, encrypted, in the database.
	 */
	OAUTH,

	/**
	 * Legends opens a Socket Mode connection; no public URL needed.
	 */
	SOCKET,

	/**
	 * No Slack credentials: requests come from the local demo console and every Web API
	 * call is recorded locally instead of sent.
	 */
	DEMO

}
