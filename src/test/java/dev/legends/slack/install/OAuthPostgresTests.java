package dev.legends.slack.install;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.slack.api.Slack;
import dev.legends.slack.SlackProperties;
import dev.legends.slack.SlackTeamScope;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.FakeSlackOAuth;
import dev.legends.testkit.RunningApp;
import dev.legends.testkit.SlackCall;
import dev.legends.testkit.SlackMessages;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OAuth mode on PostgreSQL: install through the pages, a command served with the
 * installation's token, tokens encrypted in the table; and a token about to expire
 * refreshed by two instances' token providers racing in separate transactions: Slack is
 * asked once and both use the new token. Runs when {@code LEGENDS_TEST_POSTGRES_URL} is
 * set ({@code .ci/run} sets it).
 */
@EnabledIfEnvironmentVariable(named = "LEGENDS_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class OAuthPostgresTests {

	private static final int RACERS = 8;

	@Test
	void installAndRefreshWhenTwoInstancesRaceOnPostgresAskSlackOnceAndBothUseTheNewToken() throws Exception {
		FakeSlackApi fake = FakeSlackApi.shared();
		Map<String, String> environment = Map.of("LEGENDS_DB_URL", System.getenv("LEGENDS_TEST_POSTGRES_URL"),
				"LEGENDS_DB_USER", System.getenv().getOrDefault("LEGENDS_TEST_POSTGRES_USER", "postgres"),
				"SLACK_CLIENT_ID", FakeSlackOAuth.CLIENT_ID, "SLACK_CLIENT_SECRET", FakeSlackOAuth.CLIENT_SECRET,
				"LEGENDS_ENCRYPTION_KEY", OAuthInstallTests.KEY);
		try (RunningApp app = RunningApp.start(environment)) {
			SlackTestClient slack = app.slack();
			String team = OAuthInstallTests.newId("T");
			// a token that expires in 10 minutes: due for refresh (30 minutes ahead)
			assertThat(slack.install(fake.oauth().approveWorkspaceWithRotation(team, "UINSTALLER", 600)).body())
				.contains("Legends is installed");
			String installed = fake.oauth().tokenOf(team);
			JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
			assertThat(jdbc.queryForList("select * from slack_installation where install_key = ?", team).toString())
				.doesNotContain(installed)
				.doesNotContain("xoxe-");

			List<InstallationTokens> instances = List.of(app.bean(InstallationTokens.class), secondInstance(app));
			long refreshesBefore = fake.oauth().refreshes();
			List<String> tokens = race(instances, team);

			assertThat(fake.oauth().refreshes() - refreshesBefore).isOne();
			String refreshed = fake.oauth().tokenOf(team);
			assertThat(refreshed).isNotEqualTo(installed);
			assertThat(tokens).hasSize(RACERS).containsOnly(refreshed);

			String admin = "UADM" + team;
			fake.addUser(new SlackUser(admin, "Admin", admin.toLowerCase() + "@example.com", "UTC", true));
			HttpResponse<String> keys = slack.inTeam(team).command(admin, "key create pg");
			assertThat(SlackMessages.visibleText(keys.body())).contains("lgk_");
			assertThat(fake.calls((call) -> call.method().equals("users.info") && admin.equals(call.param("user"))))
				.extracting(SlackCall::token)
				.containsOnly(refreshed);
		}
	}

	/** The token providers of two instances asked at the same moment, each in turn. */
	private static List<String> race(List<InstallationTokens> instances, String team) throws Exception {
		CyclicBarrier start = new CyclicBarrier(RACERS);
		ExecutorService pool = Executors.newFixedThreadPool(RACERS);
		try {
			List<Future<Optional<String>>> answers = new ArrayList<>();
			for (int i = 0; i < RACERS; i++) {
				InstallationTokens tokens = instances.get(i % instances.size());
				answers.add(pool.submit(() -> {
					start.await();
					return tokens.botToken(SlackTeamScope.team(team));
				}));
			}
			List<String> tokens = new ArrayList<>();
			for (Future<Optional<String>> answer : answers) {
				tokens.add(answer.get().orElse(null));
			}
			return tokens;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * A second instance's token provider: its own installations table reader, its own
	 * transactions, on the same database.
	 */
	private static InstallationTokens secondInstance(RunningApp app) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("members", app.bean(Members.class)));
		return new InstallationTokens(
				new Installations(app.bean(JdbcTemplate.class), app.bean(TokenCipher.class), Clock.systemUTC()),
				beans.getBeanProvider(Members.class), app.bean(Slack.class), app.bean(SlackProperties.class),
				app.bean(TransactionTemplate.class), Clock.systemUTC());
	}

}
