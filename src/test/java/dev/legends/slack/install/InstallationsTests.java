package dev.legends.slack.install;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.google.gson.JsonObject;
import com.slack.api.methods.MethodsClient;
import dev.legends.slack.SlackTeamScope;
import dev.legends.slack.home.HomePublisher;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.SlackCall;
import dev.legends.testkit.SlackMessages;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import dev.legends.workspace.CacheEpochs;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several installations side by side in OAuth mode: two workspaces and an Enterprise Grid
 * org each served with their own token and seeing only their own data; token refresh
 * while requests race; uninstall stops every call until a reinstall, which resumes with
 * the data.
 */
@OAuthAppTest
class InstallationsTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Members members;

	@Autowired
	HomePublisher home;

	@Autowired
	MethodsClient methods;

	@Autowired
	CacheEpochs epochs;

	@Test
	void commandsWhenTwoWorkspacesInstalledServeEachWithItsTokenAndOnlyItsData(SlackTestClient slack,
			FakeSlackApi fake) {
		SlackTestClient first = installWorkspace(slack, fake);
		SlackTestClient second = installWorkspace(slack, fake);
		String firstAdmin = admin(fake, first.teamId());
		String secondAdmin = admin(fake, second.teamId());
		assertThat(text(first.command(firstAdmin, "key create first-export"))).contains("lgk_");
		assertThat(text(second.command(secondAdmin, "key create second-export"))).contains("lgk_");
		assertThat(text(first.command(firstAdmin, "key list"))).contains("first-export")
			.doesNotContain("second-export");
		assertThat(text(second.command(secondAdmin, "key list"))).contains("second-export")
			.doesNotContain("first-export");
		assertThat(tokensOf(fake, firstAdmin)).containsOnly(fake.oauth().tokenOf(first.teamId()));
		assertThat(tokensOf(fake, secondAdmin)).containsOnly(fake.oauth().tokenOf(second.teamId()));
	}

	@Test
	void commandsWhenOrgInstalledServeEveryWorkspaceOfTheOrgAsOneCompany(SlackTestClient slack, FakeSlackApi fake) {
		String org = OAuthInstallTests.newId("E");
		assertThat(slack.install(fake.oauth().approveOrg(org, "WORGADMIN")).body()).contains("Org-wide install");
		SlackTestClient east = slack.inOrg(org, OAuthInstallTests.newId("T"), true);
		SlackTestClient west = slack.inOrg(org, OAuthInstallTests.newId("T"), true);
		String admin = admin(fake, org);
		assertThat(text(east.command(admin, "key create org-export"))).contains("lgk_");
		assertThat(text(west.command(admin, "key list"))).contains("org-export");
		assertThat(tokensOf(fake, admin)).containsOnly(fake.oauth().tokenOf(org));
		assertThat(this.jdbc.queryForList("select slack_team_id from workspace where slack_team_id in (?, ?, ?)",
				String.class, org, east.teamId(), west.teamId()))
			.containsExactly(org);
		// a workspace-level install inside another org stays its own company
		String otherOrg = OAuthInstallTests.newId("E");
		String team = OAuthInstallTests.newId("T");
		slack.install(fake.oauth().approveWorkspaceInOrg(otherOrg, team, "UINSTALLER"));
		SlackTestClient own = slack.inOrg(otherOrg, team, false);
		String ownAdmin = admin(fake, team);
		assertThat(text(own.command(ownAdmin, "key list"))).doesNotContain("org-export");
		assertThat(tokensOf(fake, ownAdmin)).containsOnly(fake.oauth().tokenOf(team));
	}

	@Test
	void orgTeamWhenMetOutsideRequestsOnAnotherInstanceIsStillTheOrgsCompany(SlackTestClient slack, FakeSlackApi fake) {
		String org = OAuthInstallTests.newId("E");
		slack.install(fake.oauth().approveOrg(org, "WORGADMIN"));
		String team = OAuthInstallTests.newId("T");
		assertThat(text(slack.inOrg(org, team, true).command(admin(fake, org), "help"))).contains("/legends");
		// another instance, which never served the org (its own memory, the same
		// database)
		OrgWorkspaceKeys other = new OrgWorkspaceKeys(this.jdbc, this.epochs, Clock.systemUTC());
		assertThat(other.keyOf(team)).isEqualTo(org);
		String unseen = OAuthInstallTests.newId("T");
		assertThat(other.keyOf(unseen)).isEqualTo(unseen);
		// a workspace-level install of that team makes it its own company on every
		// instance
		slack.install(fake.oauth().approveWorkspaceInOrg(org, team, "UINSTALLER"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(other.keyOf(team)).isEqualTo(team));
		assertThat(new OrgWorkspaceKeys(this.jdbc, this.epochs, Clock.systemUTC()).keyOf(team)).isEqualTo(team);
	}

	@Test
	void tokenWhenAboutToExpireIsRefreshedOnceWhileRequestsRace(SlackTestClient slack, FakeSlackApi fake)
			throws Exception {
		String team = OAuthInstallTests.newId("T");
		slack.install(fake.oauth().approveWorkspaceWithRotation(team, "UINSTALLER", 600));
		String installed = fake.oauth().tokenOf(team);
		int before = fake.calls().size();
		SlackTestClient client = slack.inTeam(team);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<HttpResponse<String>>> answers = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				String user = "U" + i + team;
				answers.add(pool.submit(() -> client.command(user, "help")));
			}
			for (Future<HttpResponse<String>> answer : answers) {
				assertThat(answer.get().statusCode()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(fake.oauth().tokensOf(team)).hasSize(2);
		String refreshed = fake.oauth().tokenOf(team);
		List<String> used = fake.calls()
			.subList(before, fake.calls().size())
			.stream()
			.map(SlackCall::token)
			.filter((token) -> token != null && token.startsWith("xoxb-" + team))
			.distinct()
			.toList();
		assertThat(used).containsExactly(refreshed).doesNotContain(installed);
	}

	@Test
	void uninstallWhenAppUninstalledStopsEveryCallAndReinstallResumesWithTheData(SlackTestClient slack,
			FakeSlackApi fake) {
		SlackTestClient workspace = installWorkspace(slack, fake);
		String team = workspace.teamId();
		String admin = admin(fake, team);
		assertThat(text(workspace.command(admin, "key create kept"))).contains("lgk_");
		Member member = this.members.member(team, admin);
		JsonObject event = new JsonObject();
		event.addProperty("type", "app_uninstalled");
		assertThat(workspace.event(event).statusCode()).isEqualTo(200);
		assertThat(this.jdbc.queryForMap(
				"select bot_token, bot_refresh_token, uninstalled_at from slack_installation where install_key = ?",
				team))
			.containsEntry("BOT_TOKEN", null)
			.containsEntry("BOT_REFRESH_TOKEN", null);
		int before = fake.calls().size();
		HttpResponse<String> command = workspace.command(admin, "key list");
		assertThat(command.statusCode()).isEqualTo(200);
		try {
			this.home.publish(member);
		}
		catch (IllegalStateException ex) {
			assertThat(ex).hasMessageContaining("no Slack token");
		}
		try (SlackTeamScope scope = SlackTeamScope.team(team)) {
			this.methods.chatPostMessage((r) -> r.channel("C0GONE").text("hello"));
		}
		catch (Exception ex) {
			assertThat(ex).hasMessageContaining("no Slack token");
		}
		List<SlackCall> after = fake.calls().subList(before, fake.calls().size());
		assertThat(after).noneMatch((call) -> call.token() != null && call.token().startsWith("xoxb-" + team));
		assertThat(after).anyMatch((call) -> call.method().equals("response_url")
				&& call.visibleText().contains("not installed in this workspace"));
		slack.install(fake.oauth().approveWorkspace(team, "UINSTALLER"));
		assertThat(text(workspace.command(admin, "key list"))).contains("kept");
	}

	private SlackTestClient installWorkspace(SlackTestClient slack, FakeSlackApi fake) {
		String team = OAuthInstallTests.newId("T");
		assertThat(slack.install(fake.oauth().approveWorkspace(team, "UINSTALLER")).statusCode()).isEqualTo(200);
		return slack.inTeam(team);
	}

	private static String admin(FakeSlackApi fake, String key) {
		String id = "UADM" + key;
		fake.addUser(new SlackUser(id, "Admin " + key, id.toLowerCase() + "@example.com", "UTC", true));
		return id;
	}

	private static List<String> tokensOf(FakeSlackApi fake, String userId) {
		return fake.calls((call) -> call.method().equals("users.info") && userId.equals(call.param("user")))
			.stream()
			.map(SlackCall::token)
			.distinct()
			.toList();
	}

	private static String text(HttpResponse<String> response) {
		return SlackMessages.visibleText(response.body());
	}

}
