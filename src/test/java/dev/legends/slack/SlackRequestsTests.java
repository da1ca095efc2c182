package dev.legends.slack;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Random;

import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackMessages;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slack-signed requests to {@code /slack/events}: help for anything, 401 for anything not
 * signed by Slack.
 */
@LegendsAppTest
class SlackRequestsTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void helpWhenSignedAnswersEphemeralHelpListingEverySubcommand(SlackTestClient slack, FakeSlackApi fake) {
		fake.addUser(SlackUser.of("UHELP", "Help Seeker"));
		HttpResponse<String> response = slack.command("UHELP", "help");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"response_type\":\"ephemeral\"")
			.contains("/legends top [last] [week|month|quarter] [outcomes|efficiency|usage]")
			.contains("/legends key map KIND VALUE @user")
			.contains("/legends report [title]")
			.contains("/legends key create NAME|list|revoke NAME")
			.contains("/legends digest setup|now|off")
			.contains("/legends vacation on|off")
			.contains("/legends export");
	}

	@Test
	void commandWhenFirstSeenStoresMemberFromUsersInfo(SlackTestClient slack, FakeSlackApi fake) {
		fake.addUser(new SlackUser("UFIRST", "Ada Lovelace", "ada@example.com", "Europe/London", false));
		slack.command("UFIRST", "help");
		assertThat(fake.calls("users.info")).anySatisfy((call) -> assertThat(call.param("user")).isEqualTo("UFIRST"));
		assertThat(this.jdbc
			.queryForMap("select display_name, email, time_zone from member where slack_user_id = 'UFIRST'"))
			.containsEntry("DISPLAY_NAME", "Ada Lovelace")
			.containsEntry("EMAIL", "ada@example.com")
			.containsEntry("TIME_ZONE", "Europe/London");
	}

	@Test
	void commandWhenSlackDoesNotKnowTheUserAsksUsersInfoOnlyOnce(SlackTestClient slack, FakeSlackApi fake) {
		for (int i = 0; i < 3; i++) {
			assertThat(slack.command("UGHOST", "help").statusCode()).isEqualTo(200);
		}
		assertThat(fake.calls("users.info")).filteredOn((call) -> "UGHOST".equals(call.param("user"))).hasSize(1);
	}

	@Test
	void commandWhenTextIsUnknownAnswersHelpNamingIt(SlackTestClient slack) {
		HttpResponse<String> response = slack.command("UCURIOUS", "dance <@U123|bob>");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(SlackMessages.visibleText(response.body())).contains("I don't know")
			.contains("dance &lt;@U123|bob&gt;")
			.contains("/legends top");
	}

	@Test
	void commandWhenTextIsEmptyAnswersHelp(SlackTestClient slack) {
		HttpResponse<String> response = slack.command("UEMPTY", "   ");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(SlackMessages.visibleText(response.body())).doesNotContain("I don't know").contains("/legends help");
	}

	@Test
	void requestWhenUnsignedIsRefusedAndChangesNothing(SlackTestClient slack, FakeSlackApi fake) {
		String body = slack.commandBody("UFORGED1", "optout", SlackTestClient.CHANNEL);
		HttpResponse<String> response = slack.sendWithSignature(body, "application/x-www-form-urlencoded",
				Instant.now().getEpochSecond(), null);
		assertRefusedWithoutSideEffects(response, fake, "UFORGED1");
	}

	@Test
	void requestWhenSignedWithWrongSecretIsRefusedAndChangesNothing(SlackTestClient slack, FakeSlackApi fake) {
		String body = slack.commandBody("UFORGED2", "optout", SlackTestClient.CHANNEL);
		HttpResponse<String> response = slack.send(body, "application/x-www-form-urlencoded",
				Instant.now().getEpochSecond(), "not-the-secret");
		assertRefusedWithoutSideEffects(response, fake, "UFORGED2");
	}

	@Test
	void requestWhenSixMinutesOldIsRefusedAndChangesNothing(SlackTestClient slack, FakeSlackApi fake) {
		String body = slack.commandBody("UFORGED3", "optout", SlackTestClient.CHANNEL);
		long sixMinutesAgo = Instant.now().minusSeconds(360).getEpochSecond();
		HttpResponse<String> response = slack.send(body, "application/x-www-form-urlencoded", sixMinutesAgo,
				SlackTestClient.SIGNING_SECRET);
		assertRefusedWithoutSideEffects(response, fake, "UFORGED3");
	}

	@Test
	void requestWhenBodyTamperedAfterSigningIsRefusedAndChangesNothing(SlackTestClient slack, FakeSlackApi fake) {
		String signedBody = slack.commandBody("UFORGED4", "help", SlackTestClient.CHANNEL);
		long now = Instant.now().getEpochSecond();
		String signature = SlackTestClient.sign(SlackTestClient.SIGNING_SECRET, now, signedBody);
		String tampered = signedBody.replace("text=help", "text=optout");
		HttpResponse<String> response = slack.sendWithSignature(tampered, "application/x-www-form-urlencoded", now,
				signature);
		assertRefusedWithoutSideEffects(response, fake, "UFORGED4");
	}

	@Test
	void commandWhenTextIsRandomNeverFailsAndAlwaysReplies(SlackTestClient slack) {
		Random random = new Random(20261127L);
		for (int i = 0; i < 500; i++) {
			String text = randomText(random);
			HttpResponse<String> response = slack.command("UFUZZ" + (i % 7), text);
			assertThat(response.statusCode()).as("status for %s", text).isEqualTo(200);
			assertThat(response.body()).as("reply for %s", text).contains("\"text\":\"");
		}
	}

	private void assertRefusedWithoutSideEffects(HttpResponse<String> response, FakeSlackApi fake, String userId) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(fake.calls()).isEmpty();
		assertThat(
				this.jdbc.queryForObject("select count(*) from member where slack_user_id = ?", Integer.class, userId))
			.isZero();
	}

	private static String randomText(Random random) {
		String[] words = { "top", "me", "why", "team", "report", "goals", "digest", "key", "optout", "optin",
				"vacation", "export", "help", "setup", "now", "off", "on", "create", "list", "revoke", "week", "month",
				"quarter", "efficiency", "usage", "<@U123|ada>", "<#C1|general>", "🚀", "é", "\u0000", "\u202e", "\t",
				"\n", "'; drop table member; --", "%00", "&amp;", "<!here>" };
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(6);
		for (int i = 0; i < length; i++) {
			text.append(words[random.nextInt(words.length)]).append(random.nextBoolean() ? " " : "  ");
		}
		if (random.nextInt(20) == 0) {
			text.append("x".repeat(4000 + random.nextInt(4000)));
		}
		if (random.nextInt(5) == 0) {
			random.ints(random.nextInt(40), 0, 0x2FFFF)
				.filter(Character::isValidCodePoint)
				.filter((cp) -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
				.forEach(text::appendCodePoint);
		}
		return text.toString();
	}

}
