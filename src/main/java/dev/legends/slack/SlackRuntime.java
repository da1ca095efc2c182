package dev.legends.slack;

/**
 * The credentials the running app actually uses: the configured ones, or generated ones
 * in demo mode.
 *
 * @param mode how the app talks to Slack
 * @param botToken the bot token used for Web API calls
 * @param signingSecret the secret incoming requests must be signed with
 */
public record SlackRuntime(SlackMode mode, String botToken, String signingSecret) {

	@Override
	public String toString() {
		return "SlackRuntime[mode=" + this.mode + "]";
	}

}
