package dev.legends.slack;

import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackMessages;
import dev.legends.testkit.SlackTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /legends optout|optin|vacation}: said back clearly and stored.
 */
@LegendsAppTest
class PreferenceCommandsTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void optoutThenOptinWhenTypedIsStoredAndConfirmed(SlackTestClient slack) {
		assertThat(SlackMessages.visibleText(slack.command("UPREF1", "optout").body())).contains("opted out");
		assertThat(flag("opted_out", "UPREF1")).isTrue();
		assertThat(SlackMessages.visibleText(slack.command("UPREF1", "OPTIN").body())).contains("Welcome back");
		assertThat(flag("opted_out", "UPREF1")).isFalse();
	}

	@Test
	void vacationWhenOnOrOffIsStoredAndConfirmed(SlackTestClient slack) {
		assertThat(SlackMessages.visibleText(slack.command("UPREF2", "vacation on").body()))
			.contains("Enjoy your time off");
		assertThat(flag("on_vacation", "UPREF2")).isTrue();
		assertThat(SlackMessages.visibleText(slack.command("UPREF2", "vacation off").body())).contains("Welcome back");
		assertThat(flag("on_vacation", "UPREF2")).isFalse();
	}

	@Test
	void vacationWhenArgumentMissingExplainsUsageAndKeepsSetting(SlackTestClient slack) {
		slack.command("UPREF3", "vacation on");
		assertThat(SlackMessages.visibleText(slack.command("UPREF3", "vacation maybe").body()))
			.contains("Vacation is *on*")
			.contains("/legends vacation off");
		assertThat(flag("on_vacation", "UPREF3")).isTrue();
	}

	private boolean flag(String column, String userId) {
		return this.jdbc.queryForObject("select " + column + " from member where slack_user_id = ?", Boolean.class,
				userId);
	}

}
