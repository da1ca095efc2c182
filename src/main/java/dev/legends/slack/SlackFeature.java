package dev.legends.slack;

import com.slack.api.bolt.App;

/**
 * A piece of the Slack surface (a command, a modal, App Home, events) that registers its
 * listeners on the one Bolt {@link App}.
 */
public interface SlackFeature {

	/**
	 * Register this feature's listeners.
	 * @param app the Bolt app
	 */
	void register(App app);

}
