package dev.legends.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.legends.LegendsApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the real application the way an operator does, with a set of environment
 * variables given as command-line properties, for tests of start-up, restarts and
 * databases.
 */
public final class RunningApp implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private RunningApp(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Start the app on a random port with the test environment, overridden by
	 * {@code overrides}.
	 * @param overrides variables to set or change (an empty value unsets)
	 * @return the running app
	 */
	public static RunningApp start(Map<String, String> overrides) {
		Map<String, Object> environment = new LinkedHashMap<>(LegendsTestInitializer.environment());
		environment.put("SERVER_PORT", "0");
		environment.putAll(overrides);
		if (!overrides.containsKey(LegendsTestInitializer.SCHEDULER_NAME)) {
			environment.put(LegendsTestInitializer.SCHEDULER_NAME,
					LegendsTestInitializer.schedulerNameFor(environment));
		}
		String[] args = environment.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		return new RunningApp(new SpringApplicationBuilder(LegendsApplication.class).run(args));
	}

	/**
	 * A client that signs with the given secret's app port.
	 * @return a client for this app
	 */
	public SlackTestClient slack() {
		return new SlackTestClient(port(), FakeSlackApi.shared());
	}

	public int port() {
		return Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port"));
	}

	/**
	 * The port of the management endpoints ({@code /actuator/prometheus} and the rest).
	 * @return the management port
	 */
	public int managementPort() {
		return Integer.parseInt(this.context.getEnvironment().getProperty("local.management.port"));
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
