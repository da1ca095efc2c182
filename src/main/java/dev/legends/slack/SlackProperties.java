package dev.legends.slack;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Slack credentials and endpoints, from {@code SLACK_*} environment variables.
 *
 * @param botToken the bot token ({@code SLACK_BOT_TOKEN})
 * @param signingSecret the request signing secret ({@code SLACK_SIGNING_SECRET})
 * @param appToken the app-level token for Socket Mode ({@code SLACK_APP_TOKEN})
 * @param apiUrl the Web API methods prefix ({@code SLACK_API_URL})
 * @param clientId the app's OAuth client id ({@code SLACK_CLIENT_ID})
 * @param clientSecret the app's OAuth client secret ({@code SLACK_CLIENT_SECRET})
 */
@ConfigurationProperties("legends.slack")
public record SlackProperties(String botToken, String signingSecret, String appToken,
		@DefaultValue("https://slack.com/api/") String apiUrl, String clientId, String clientSecret) {

	public SlackProperties {
		apiUrl = (apiUrl.endsWith("/")) ? apiUrl : apiUrl + "/";
	}

	/**
	 * How the app talks to Slack, derived from which credentials are set.
	 * @return the mode
	 */
	public SlackMode mode() {
		if (StringUtils.hasText(this.clientId) && StringUtils.hasText(this.clientSecret)) {
			return SlackMode.OAUTH;
		}
		if (!StringUtils.hasText(this.botToken)) {
			return SlackMode.DEMO;
		}
		if (StringUtils.hasText(this.appToken)) {
			return SlackMode.SOCKET;
		}
		return StringUtils.hasText(this.signingSecret) ? SlackMode.HTTP : SlackMode.DEMO;
	}

	/**
	 * Why the app runs in demo mode, for the start-up log line.
	 * @return the reason, naming the missing variables
	 */
	String demoReason() {
		if (!StringUtils.hasText(this.botToken) && !StringUtils.hasText(this.signingSecret)) {
			return "SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not set";
		}
		return StringUtils.hasText(this.botToken) ? "SLACK_SIGNING_SECRET is not set (and no SLACK_APP_TOKEN)"
				: "SLACK_BOT_TOKEN is not set";
	}

	@Override
	public String toString() {
		return "SlackProperties[mode=" + mode() + ", apiUrl=" + this.apiUrl + "]";
	}

}
