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
