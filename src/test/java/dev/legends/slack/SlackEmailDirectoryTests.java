package dev.legends.slack;

import java.util.Optional;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Email lookups stay within Slack's rate limit for {@code users.lookupByEmail} in each
 * workspace; an answer already known costs nothing.
 */
class SlackEmailDirectoryTests {

	private final FakeSlackApi fake = FakeSlackApi.shared();

	@Test
	void mayAskWhenLimitOfWorkspaceReachedRefusesNewEmailsButNotKnownAnswersOrOtherWorkspaces() {
		SlackEmailDirectory directory = new SlackEmailDirectory(methods(), Optional.empty(), 3);
		String team = "TLIMIT" + System.nanoTime();
		this.fake.addUser(new SlackUser("ULIMIT1", "First", "first@limit.example.com", "UTC", false));

		assertThat(directory.mayAsk(team, "first@limit.example.com")).isTrue();
		assertThat(directory.userIdByEmail(team, "first@limit.example.com")).contains("ULIMIT1");
		assertThat(directory.mayAsk(team, "second@limit.example.com")).isTrue();
		assertThat(directory.mayAsk(team, "third@limit.example.com")).isTrue();
		assertThat(directory.mayAsk(team, "fourth@limit.example.com")).as("a fourth lookup in the minute").isFalse();
		assertThat(directory.mayAsk(team, "first@limit.example.com")).as("an answer already known").isTrue();
		assertThat(directory.mayAsk("TOTHER" + System.nanoTime(), "fourth@limit.example.com"))
			.as("another workspace has a limit of its own")
			.isTrue();
	}

	private MethodsClient methods() {
		SlackConfig config = new SlackConfig();
		config.setMethodsEndpointUrlPrefix(this.fake.apiUrl());
		return Slack.getInstance(config).methods(SlackTestClient.BOT_TOKEN);
	}

}
