package dev.legends.slack.install;

import java.util.List;
import java.util.Map;

import dev.legends.testkit.AppProcess;
import dev.legends.testkit.FakeSlackOAuth;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OAuth mode refuses to start without a usable {@code LEGENDS_ENCRYPTION_KEY}: status 1
 * and one ERROR line naming the cause and the fix, no stack trace, never the key.
 */
class EncryptionKeyStartupTests {

	@Test
	void startWhenOAuthModeWithoutEncryptionKeyExitsWithOneLineNamingCauseAndFix() {
		try (AppProcess app = AppProcess.start(oauth(""))) {
			assertThat(app.awaitExit()).isEqualTo(1);
			assertOneErrorLine(app.output(), "needs LEGENDS_ENCRYPTION_KEY", "it is not set");
		}
	}

	@Test
	void startWhenEncryptionKeyIsNot32BytesExitsWithOneLineAndNeverShowsTheKey() {
		String key = "c2hvcnQtc2VjcmV0LWtleQ==";
		try (AppProcess app = AppProcess.start(oauth(key))) {
			assertThat(app.awaitExit()).isEqualTo(1);
			assertOneErrorLine(app.output(), "LEGENDS_ENCRYPTION_KEY decodes to 16 bytes, not 32", "");
			assertThat(app.output()).noneMatch((line) -> line.contains(key) || line.contains("short-secret-key"));
		}
	}

	private static Map<String, String> oauth(String key) {
		return Map.of("SLACK_CLIENT_ID", FakeSlackOAuth.CLIENT_ID, "SLACK_CLIENT_SECRET", FakeSlackOAuth.CLIENT_SECRET,
				"LEGENDS_ENCRYPTION_KEY", key);
	}

	private static void assertOneErrorLine(List<String> output, String cause, String more) {
		String all = String.join("\n", output);
		List<String> errors = output.stream().filter((line) -> line.contains(" ERROR ")).toList();
		assertThat(errors).as(all).hasSize(1);
		assertThat(errors.get(0)).contains("Legends cannot start: ")
			.contains(cause)
			.contains(more)
			.contains("Fix: set LEGENDS_ENCRYPTION_KEY to base64 of 32 random bytes")
			.contains("openssl rand -base64 32");
		assertThat(output).as(all).noneMatch((line) -> line.matches("\\s+at [\\w.$]+\\(.*"));
	}

}
