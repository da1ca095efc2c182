package dev.legends.testkit;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Configures a test app the way an operator would, through the contract's environment
 * variables: Slack credentials for the fake, a fresh in-memory database, one admin.
 */
public class LegendsTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("legends-test", environment()));
	}

	static final String SCHEDULER_NAME = "spring.quartz.scheduler-name";

	/**
	 * A Quartz scheduler name of its own for each database: Quartz keeps schedulers in a
	 * JVM-wide registry by name, so two test apps on different databases must not share
	 * one, while an app restarted on the same database must find its jobs again.
	 * @param environment the app's environment
	 * @return the scheduler name
	 */
	static String schedulerNameFor(Map<String, Object> environment) {
		String database = environment.get("LEGENDS_DB_URL") + "|" + environment.get("LEGENDS_DATA_DIR");
		return "legends-test-" + Integer.toHexString(database.hashCode());
	}

	/** The property for Slack's rate limit of email lookups (50 a minute by default). */
	public static final String EMAIL_LOOKUPS_PER_MINUTE = "legends.slack.email-lookups-per-minute";

	/**
	 * The environment a test app runs with.
	 * @return variable names and values
	 */
	public static Map<String, Object> environment() {
		Map<String, Object> environment = new HashMap<>();
		environment.put("SLACK_API_URL", FakeSlackApi.shared().apiUrl());
		environment.put("SLACK_BOT_TOKEN", SlackTestClient.BOT_TOKEN);
		environment.put("SLACK_SIGNING_SECRET", SlackTestClient.SIGNING_SECRET);
		environment.put("SLACK_APP_TOKEN", "");
		environment.put("LEGENDS_ADMIN_USERS", SlackTestClient.ADMIN_USER);
		environment.put("LEGENDS_INGEST_KEY", "");
		environment.put("LEGENDS_DB_URL", "jdbc:h2:mem:legends-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		environment.put("LEGENDS_DB_USER", "sa");
		environment.put("LEGENDS_DB_PASSWORD", "");
		// weekly nudges would DM test users at random moments; NudgeTests send them by
		// hand
		environment.put("legends.digest.nudges", "false");
		// tests of one context share a workspace: Slack's limit of 50 email lookups a
		// minute would make a later test's matching depend on the ones before it
		// (SlackEmailDirectoryTests tests the limit; benchmarks set it back)
		environment.put(EMAIL_LOOKUPS_PER_MINUTE, "100000");
		environment.put(SCHEDULER_NAME, schedulerNameFor(environment));
		return environment;
	}

}
