package dev.legends.slack.install;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.FakeSlackOAuth;
import dev.legends.testkit.SlackTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installing Legends with "Add to Slack" in OAuth mode, driven as a browser and Slack do:
 * the install page, Slack's redirect with a valid, reused or expired state, a cancelled
 * consent and a code Slack refuses.
 */
@OAuthAppTest
class OAuthInstallTests {

	static final String KEY = "bGVnZW5kcy10ZXN0LWVuY3J5cHRpb24ta2V5LTMyYiE=";

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void installPageWhenOpenedLinksToSlackWithClientIdScopesAndState(SlackTestClient slack) {
		HttpResponse<String> page = slack.installPage();
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Add to Slack")
			.contains("https://slack.com/oauth/v2/authorize")
			.contains("client_id=" + FakeSlackOAuth.CLIENT_ID)
			.contains("scope=commands%2Cchat%3Awrite%2Cchat%3Awrite.public%2Cusers%3Aread");
		String state = SlackTestClient.stateOf(page);
		assertThat(SlackTestClient.cookieOf(page)).contains(state);
		assertThat(this.jdbc.queryForObject("select count(*) from slack_oauth_state where state = ?", Integer.class,
				state))
			.isOne();
	}

	@Test
	void oauthRedirectWhenStateValidStoresInstallationAndSaysWhatToDoNext(SlackTestClient slack, FakeSlackApi fake) {
		String team = newId("T");
		HttpResponse<String> result = slack.install(fake.oauth().approveWorkspace(team, "UINSTALLER"));
		assertThat(result.statusCode()).isEqualTo(200);
		assertThat(result.body()).contains("Legends is installed").contains("/legends help").contains("App Home");
		Map<String, Object> row = this.jdbc.queryForMap(
				"select team_id, enterprise_id, is_enterprise_install, bot_user_id, installer_user_id, bot_scopes, "
						+ "installed_at, updated_at, uninstalled_at from slack_installation where install_key = ?",
				team);
		assertThat(row).containsEntry("TEAM_ID", team)
			.containsEntry("IS_ENTERPRISE_INSTALL", false)
			.containsEntry("BOT_USER_ID", "U0BOT" + team)
			.containsEntry("INSTALLER_USER_ID", "UINSTALLER")
			.containsEntry("UNINSTALLED_AT", null);
		assertThat(row.get("INSTALLED_AT")).isNotNull();
		HttpResponse<String> help = slack.inTeam(team).command("UHELPER", "help");
		assertThat(help.statusCode()).isEqualTo(200);
		assertThat(fake
			.calls((call) -> call.method().equals("auth.test") && fake.oauth().tokenOf(team).equals(call.token())))
			.isNotEmpty();
	}

	@Test
	void oauthRedirectWhenStateReusedShowsFailureAndStoresNothing(SlackTestClient slack, FakeSlackApi fake) {
		HttpResponse<String> page = slack.installPage();
		String state = SlackTestClient.stateOf(page);
		String cookie = SlackTestClient.cookieOf(page);
		String first = newId("T");
		String second = newId("T");
		assertThat(slack.oauthRedirect(query(fake.oauth().approveWorkspace(first, "U1"), state), cookie).statusCode())
			.isEqualTo(200);
		HttpResponse<String> reused = slack.oauthRedirect(query(fake.oauth().approveWorkspace(second, "U2"), state),
				cookie);
		assertThat(reused.statusCode()).isEqualTo(400);
		assertThat(reused.body()).contains("not valid any more").contains("already used").contains("/slack/install");
		assertThat(installed(second)).isZero();
		assertThat(fake.oauth().tokensOf(second)).isEmpty();
	}

	@Test
	void oauthRedirectWhenStateExpiredShowsFailureAndStoresNothing(SlackTestClient slack, FakeSlackApi fake) {
		HttpResponse<String> page = slack.installPage();
		String state = SlackTestClient.stateOf(page);
		// eleven minutes later
		this.jdbc.update("update slack_oauth_state set expires_at = dateadd('MINUTE', -1, current_timestamp) "
				+ "where state = ?", state);
		String team = newId("T");
		HttpResponse<String> expired = slack.oauthRedirect(query(fake.oauth().approveWorkspace(team, "U1"), state),
				SlackTestClient.cookieOf(page));
		assertThat(expired.statusCode()).isEqualTo(400);
		assertThat(expired.body()).contains("expired").contains("10 minutes");
		assertThat(installed(team)).isZero();
		assertThat(fake.oauth().tokensOf(team)).isEmpty();
	}

	@Test
	void oauthRedirectWhenStateForgedOrCookieMissingShowsFailure(SlackTestClient slack, FakeSlackApi fake) {
		HttpResponse<String> page = slack.installPage();
		String team = newId("T");
		String code = fake.oauth().approveWorkspace(team, "U1");
		assertThat(slack.oauthRedirect(query(code, "forged-state"), SlackTestClient.cookieOf(page)).statusCode())
			.isEqualTo(400);
		assertThat(slack.oauthRedirect(query(code, SlackTestClient.stateOf(page)), null).statusCode()).isEqualTo(400);
		assertThat(installed(team)).isZero();
	}

	@Test
	void oauthRedirectWhenAccessDeniedSaysInstallWasCancelled(SlackTestClient slack) {
		HttpResponse<String> page = slack.installPage();
		HttpResponse<String> denied = slack.oauthRedirect("error=access_denied&state=" + SlackTestClient.stateOf(page),
				SlackTestClient.cookieOf(page));
		assertThat(denied.statusCode()).isEqualTo(400);
		assertThat(denied.body()).contains("cancelled").contains("Nothing was installed");
	}

	@Test
	void oauthRedirectWhenSlackRefusesCodeShowsSlackErrorAndStoresNothing(SlackTestClient slack) {
		HttpResponse<String> page = slack.installPage();
		HttpResponse<String> refused = slack.oauthRedirect(query("not-a-code", SlackTestClient.stateOf(page)),
				SlackTestClient.cookieOf(page));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("invalid_code").contains("Nothing was installed");
	}

	@Test
	void installationsWhenReadRawHoldNoTokenInPlainText(SlackTestClient slack, FakeSlackApi fake) {
		String team = newId("T");
		slack.install(fake.oauth().approveWorkspaceWithRotation(team, "U1", 43200));
		String token = fake.oauth().tokenOf(team);
		List<Map<String, Object>> rows = this.jdbc.queryForList("select * from slack_installation");
		assertThat(rows).isNotEmpty();
		String raw = rows.toString();
		assertThat(raw).doesNotContain(token).doesNotContain("xoxb-").doesNotContain("xoxe-");
		assertThat(this.jdbc.queryForObject("select bot_token from slack_installation where install_key = ?",
				String.class, team))
			.startsWith("v1:");
	}

	private int installed(String key) {
		return this.jdbc.queryForObject("select count(*) from slack_installation where install_key = ?", Integer.class,
				key);
	}

	private static String query(String code, String state) {
		return "code=" + code + "&state=" + state;
	}

	static String newId(String prefix) {
		return prefix + Long.toString(System.nanoTime(), 36).toUpperCase();
	}

}
