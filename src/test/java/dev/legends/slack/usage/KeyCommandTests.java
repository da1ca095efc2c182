package dev.legends.slack.usage;

import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.IngestClient;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackMessages;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /legends key …}: admins create, list, revoke and map; everyone else is told
 * plainly that it is for admins; {@code /legends me} shows the caller's usage.
 */
@LegendsAppTest
class KeyCommandTests {

	@Test
	void createWhenNotAdminRefusesClearly(SlackTestClient slack) {
		String answer = text(slack.inNewTeam().command("UNOTADMIN", "key create sneaky"));
		assertThat(answer).contains("Only Legends admins").doesNotContain("lgk_");
	}

	@Test
	void createWhenAdminShowsKeyOnceEphemerallyAndListsItWithoutSecret(SlackTestClient slack) {
		SlackTestClient team = slack.inNewTeam();
		String body = team.command(SlackTestClient.ADMIN_USER, "key create nightly-export").body();
		assertThat(body).contains("\"response_type\":\"ephemeral\"").containsPattern("lgk_[A-Za-z0-9_-]{43}");
		String list = text(team.command(SlackTestClient.ADMIN_USER, "key list"));
		assertThat(list).contains("nightly-export").contains("never used").doesNotContain("lgk_");
	}

	@Test
	void createWhenNameMissingOrTakenSaysWhatToDo(SlackTestClient slack) {
		SlackTestClient team = slack.inNewTeam();
		assertThat(text(team.command(SlackTestClient.ADMIN_USER, "key create"))).contains("Give the key one name");
		team.command(SlackTestClient.ADMIN_USER, "key create twice");
		assertThat(text(team.command(SlackTestClient.ADMIN_USER, "key create twice"))).contains("already exists");
		assertThat(text(team.command(SlackTestClient.ADMIN_USER, "key create bad/name"))).contains("letters, digits");
	}

	@Test
	void revokeWhenNoSuchKeySaysSo(SlackTestClient slack) {
		assertThat(text(slack.inNewTeam().command(SlackTestClient.ADMIN_USER, "key revoke ghost")))
			.contains("no active key named *ghost*");
	}

	@Test
	void mapWhenKeyNameMappedAttachesUsageAndMeShowsIt(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(new SlackUser("UKEYMAP1", "Mapped Marie", "marie.mapped@example.com", "UTC", false));
		IngestClient api = IngestClient.withNewKey(team, "nightly");
		String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
		api.postJson("/api/v1/usage",
				"{\"records\":[{\"id\":\"m-1\",\"user\":{\"api_key_name\":\"marie-laptop\"},\"source\":\"openai\","
						+ "\"model\":\"gpt-4.1\",\"start\":\"" + now + "\",\"end\":\"" + now
						+ "\",\"input_tokens\":1000000,\"output_tokens\":0,\"requests\":4},"
						+ "{\"id\":\"m-2\",\"user\":{\"api_key_name\":\"marie-laptop\"},\"source\":\"openai\","
						+ "\"model\":\"in-house-7b\",\"start\":\"" + now + "\",\"end\":\"" + now
						+ "\",\"input_tokens\":5,\"requests\":1}]}");
		assertThat(text(team.command(SlackTestClient.ADMIN_USER, "key unmatched"))).contains("marie-laptop")
			.contains("2 record(s)");
		// her week as cached before the mapping is not what she sees after it
		assertThat(text(team.command("UKEYMAP1", "me"))).contains("AI usage:* none recorded for you this week");
		assertThat(
				text(team.command(SlackTestClient.ADMIN_USER, "key map api_key_name marie-laptop <@UKEYMAP1|marie>")))
			.contains("counts for Mapped Marie")
			.contains("2 record(s)");
		String me = text(team.command("UKEYMAP1", "me"));
		assertThat(me).contains("AI usage this week").contains("1,000,005").contains("*Requests*\n5");
		assertThat(me).contains("$2.00 + price unknown for in-house-7b");
	}

	@Test
	void mapWhenSyntaxWrongShowsUsage(SlackTestClient slack) {
		assertThat(text(slack.inNewTeam().command(SlackTestClient.ADMIN_USER, "key map api_key_name ci-bot")))
			.contains("/legends key map KIND VALUE @user");
	}

	private static String text(java.net.http.HttpResponse<String> response) {
		return SlackMessages.visibleText(response.body());
	}

}
