package dev.legends;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Treats a contract variable set to an empty value (as a copied {@code .env.example}
 * leaves it) like an unset one, so that its default applies instead of an empty string.
 */
class BlankSettings implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new HashMap<>();
		String dataDir = valueOrDefault(environment, "LEGENDS_DATA_DIR", "./data");
		useDefaultWhenBlank(environment, defaults, "LEGENDS_DATA_DIR", dataDir);
		useDefaultWhenBlank(environment, defaults, "SERVER_PORT", "3000");
		useDefaultWhenBlank(environment, defaults, "SLACK_API_URL", "https://slack.com/api/");
		useDefaultWhenBlank(environment, defaults, "LEGENDS_TIMEZONE", "UTC");
		useDefaultWhenBlank(environment, defaults, "LEGENDS_DB_URL",
				"jdbc:h2:file:" + dataDir + "/legends;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
		if (!valueOrDefault(environment, "LEGENDS_DB_URL", "jdbc:h2:").startsWith("jdbc:postgresql:")) {
			useDefaultWhenBlank(environment, defaults, "LEGENDS_DB_USER", "sa");
		}
		if (!defaults.isEmpty()) {
			environment.getPropertySources().addFirst(new MapPropertySource("legendsBlankSettings", defaults));
		}
		defaultManagementServer(environment);
	}

	/**
	 * Without {@code MANAGEMENT_SERVER_PORT} the management endpoints get a port of their
	 * own next to the main one ({@code SERVER_PORT} + 1, or a random one when the main
	 * port is random), and without {@code MANAGEMENT_SERVER_ADDRESS} they listen on
	 * loopback only. A variable set but blank counts as unset: bound as it is, it would
	 * move the endpoints to the main port or to every address.
	 */
	private static void defaultManagementServer(ConfigurableEnvironment environment) {
		Map<String, Object> defaults = new HashMap<>();
		String port = environment.getProperty("MANAGEMENT_SERVER_PORT");
		String serverPort = environment.getProperty("server.port", "3000").strip();
		if (!StringUtils.hasText(port) && serverPort.matches("[0-9]{1,5}")) {
			int main = Integer.parseInt(serverPort);
			int management = (main == 0) ? 0 : main + 1;
			defaults.put("MANAGEMENT_SERVER_PORT", management);
			if (port != null) {
				defaults.put("management.server.port", management);
			}
		}
		String address = environment.getProperty("MANAGEMENT_SERVER_ADDRESS");
		if (address != null && !StringUtils.hasText(address)) {
			defaults.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
			defaults.put("management.server.address", "127.0.0.1");
		}
		if (!defaults.isEmpty()) {
			environment.getPropertySources().addFirst(new MapPropertySource("legendsManagementServer", defaults));
		}
	}

	private static void useDefaultWhenBlank(ConfigurableEnvironment environment, Map<String, Object> defaults,
			String name, String defaultValue) {
		if (environment.containsProperty(name) && !StringUtils.hasText(environment.getProperty(name))) {
			defaults.put(name, defaultValue);
		}
	}

	private static String valueOrDefault(ConfigurableEnvironment environment, String name, String defaultValue) {
		String value = environment.getProperty(name);
		return StringUtils.hasText(value) ? value : defaultValue;
	}

}
