package dev.legends.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;

/**
 * OAuth mode's part in building Bolt's {@link App}: client credentials, scopes and
 * install paths go into its config before the app exists, the installation and state
 * services into the app before any middleware is added.
 */
public interface SlackOAuth {

	/**
	 * The app's config with the OAuth settings added.
	 * @param config the config the app is about to be built with
	 * @return the config to build it with
	 */
	AppConfig configure(AppConfig config);

	/**
	 * Give the new app its installation store, OAuth state store and pages.
	 * @param app the app, before any middleware or listener is added
	 */
	void install(App app);

}
