package dev.legends.slack.install;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What OAuth mode is configured with: the scopes asked for at install are the manifest's,
 * the manifest sends installers back to {@code /slack/oauth_redirect}, tokens are sealed
 * with the operator's key, and the app refuses to start without one.
 */
class InstallPropertiesTests {

	@Test
	void scopesWhenNotOverriddenAreTheManifestsBotScopes() throws IOException {
		JsonNode manifest = new ObjectMapper(new YAMLFactory()).readTree(Path.of("manifest.yml").toFile());
		List<String> bot = new ArrayList<>();
		manifest.at("/oauth_config/scopes/bot").forEach((scope) -> bot.add(scope.asText()));
		assertThat(new InstallProperties(List.of(), null, 30).scopes()).isEqualTo(bot);
		assertThat(new InstallProperties(List.of(" commands", "chat:write "), null, 30).scopes())
			.containsExactly("commands", "chat:write");
		assertThat(manifest.at("/oauth_config/redirect_urls/0").asText()).endsWith(OAuthSetup.REDIRECT_PATH);
		assertThat(manifest.at("/settings/org_deploy_enabled").asBoolean()).isTrue();
	}

	@Test
	void encryptWhenDecryptedWithSameKeyGivesTokenBackAndNeverShowsIt() {
		TokenCipher cipher = new TokenCipher(OAuthInstallTests.KEY);
		String sealed = cipher.encrypt("xoxb-123-secret");
		assertThat(sealed).startsWith("v1:").doesNotContain("xoxb").isNotEqualTo(cipher.encrypt("xoxb-123-secret"));
		assertThat(cipher.decrypt(sealed)).isEqualTo("xoxb-123-secret");
		TokenCipher other = new TokenCipher("b3RoZXItdGVzdC1lbmNyeXB0aW9uLWtleS0zMmJ5dGU=");
		assertThatThrownBy(() -> other.decrypt(sealed)).hasMessageContaining("LEGENDS_ENCRYPTION_KEY changed");
	}

	@Test
	void tokenCipherWhenKeyMissingOrWrongSizeSaysWhatToSet() {
		assertThatThrownBy(() -> new TokenCipher("")).hasMessageContaining("LEGENDS_ENCRYPTION_KEY")
			.hasMessageContaining("openssl rand -base64 32");
		assertThatThrownBy(() -> new TokenCipher("c2hvcnQ=")).hasMessageContaining("5 bytes, not 32");
		assertThatThrownBy(() -> new TokenCipher("not base64!")).hasMessageContaining("not valid base64");
	}

}
