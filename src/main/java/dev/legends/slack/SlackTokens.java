package dev.legends.slack;

import java.util.Optional;

/**
 * Where every Web API call made outside Bolt's own request context gets its bot token:
 * the one {@code SLACK_BOT_TOKEN} in single-workspace mode, the installation's stored
 * token in OAuth mode.
 */
public interface SlackTokens {

	/**
	 * The bot token for the workspace (or Enterprise Grid org) in scope.
	 * @param scope the workspace the call is made for, or {@code null} when the caller
	 * set none
	 * @return the token, or empty when Legends is not (or no longer) installed there
	 */
	Optional<String> botToken(SlackTeamScope scope);

}
