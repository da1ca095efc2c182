package dev.legends;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code manifest.yml} validates against Slack's app manifest schema and declares what
 * the code uses.
 */
class ManifestTests {

	private static final Path SCHEMA = Path.of("../shared/slack/manifest.schema.1.0.0.json");

	private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

	@Test
	void manifestWhenValidatedAgainstSlackSchemaHasNoErrors() throws IOException {
		Assumptions.assumeTrue(Files.exists(SCHEMA),
				"WARNING: ../shared/slack/manifest.schema.1.0.0.json not found; manifest schema check skipped");
		JsonSchema schema;
		try (InputStream in = Files.newInputStream(SCHEMA)) {
			schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
		}
		Set<ValidationMessage> errors = schema.validate(manifest());
		assertThat(errors).isEmpty();
	}

	@Test
	void manifestWhenReadDeclaresCommandScopesAndEvents() throws IOException {
		JsonNode manifest = manifest();
		JsonNode command = manifest.at("/features/slash_commands/0");
		assertThat(command.get("command").asText()).isEqualTo("/legends");
		assertThat(command.get("should_escape").asBoolean()).isTrue();
		assertThat(manifest.at("/oauth_config/scopes/bot").toString()).contains("commands", "chat:write",
				"chat:write.public", "users:read", "users:read.email", "im:write", "files:write", "usergroups:read",
				"channels:read", "groups:read");
		assertThat(manifest.at("/settings/event_subscriptions/bot_events").toString()).contains("app_home_opened",
				"app_uninstalled", "tokens_revoked");
		assertThat(manifest.at("/settings/interactivity/request_url").asText()).endsWith("/slack/events");
		assertThat(List.of(manifest.at("/features/app_home/home_tab_enabled").asBoolean())).containsExactly(true);
	}

	private JsonNode manifest() throws IOException {
		return this.yaml.readTree(Path.of("manifest.yml").toFile());
	}

}
