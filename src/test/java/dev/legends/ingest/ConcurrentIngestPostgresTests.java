package dev.legends.ingest;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.legends.testkit.Concurrently;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.IngestClient;
import dev.legends.testkit.RunningApp;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;

import static dev.legends.ingest.UsageBatchApiTests.batch;
import static dev.legends.ingest.UsageBatchApiTests.json;
import static dev.legends.ingest.UsageBatchApiTests.record;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL database, 8 collectors alternating between them, each
 * sending the same records for the same new people in its own order: no request is
 * refused (no deadlock, no lost race on a unique key reaches a client), every record and
 * person is stored once. Runs when {@code LEGENDS_TEST_POSTGRES_URL} is set.
 */
@EnabledIfEnvironmentVariable(named = "LEGENDS_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class ConcurrentIngestPostgresTests {

	private static final int CLIENTS = 8;

	private static final int RECORDS = 300;

	private static final int PEOPLE = 25;

	private static final int KEYS = 7;

	@Test
	void ingestWhenEightClientsOnTwoInstancesSendOverlappingBatchesAnswersEachAndStoresEachRecordOnce() {
		try (RunningApp a = start("a"); RunningApp b = start("b")) {
			SlackTestClient team = a.slack().inNewTeam();
			String tag = team.teamId().toLowerCase();
			for (int p = 0; p < PEOPLE; p++) {
				FakeSlackApi.shared()
					.addUser(new SlackUser("U" + p + team.teamId(), "Person " + p, person(tag, p), "UTC", false));
			}
			IngestClient viaA = IngestClient.withNewKey(team, "collectors");
			IngestClient viaB = new IngestClient("http://127.0.0.1:" + b.port(), viaA.key());
			List<String> records = new ArrayList<>();
			for (int r = 0; r < RECORDS; r++) {
				String user = (r % 3 == 0) ? "{\"api_key_name\":\"key-" + (r % KEYS) + "-" + tag + "\"}"
						: "{\"email\":\"" + person(tag, r % PEOPLE) + "\"}";
				records.add(record("pg-" + tag + "-" + r, user, 10, 1));
			}

			List<HttpResponse<String>> answers = Concurrently.run(CLIENTS, (i) -> {
				List<String> order = new ArrayList<>(records);
				Collections.shuffle(order, new Random(i));
				return ((i % 2 == 0) ? viaA : viaB).postJson("/api/v1/usage", batch(order.toArray(String[]::new)));
			});

			assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
			assertThat(answers.stream().mapToInt((answer) -> json(answer).get("accepted").asInt()).sum())
				.isEqualTo(RECORDS);
			JsonNode totals = json(viaB.get(UsageBatchApiTests.WEEK)).get("totals");
			assertThat(totals.get("input_tokens").asLong()).isEqualTo(RECORDS * 10);
			JdbcTemplate jdbc = a.bean(JdbcTemplate.class);
			Long workspace = jdbc.queryForObject("select id from workspace where slack_team_id = ?", Long.class,
					team.teamId());
			// people are matched by email in the background (Slack is never asked on the
			// request path): each exactly once, whichever instance asked
			assertThat(awaitPeople(jdbc, workspace, tag)).isEqualTo(PEOPLE);
			assertThat(jdbc.queryForObject("select count(*) from usage_identity where workspace_id = ?", Integer.class,
					workspace))
				.isEqualTo(PEOPLE + KEYS);
		}
	}

	private static int awaitPeople(JdbcTemplate jdbc, Long workspace, String tag) {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
		int people;
		do {
			people = jdbc.queryForObject("select count(*) from member where workspace_id = ? and email like ?",
					Integer.class, workspace, "%@" + tag + ".example.com");
			if (people >= PEOPLE) {
				return people;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return people;
			}
		}
		while (System.nanoTime() < deadline);
		return people;
	}

	private static String person(String tag, int p) {
		return "person" + p + "@" + tag + ".example.com";
	}

	private static RunningApp start(String instance) {
		String url = System.getenv("LEGENDS_TEST_POSTGRES_URL");
		return RunningApp.start(Map.of("LEGENDS_DB_URL", url, "LEGENDS_DB_USER",
				System.getenv().getOrDefault("LEGENDS_TEST_POSTGRES_USER", "postgres"), "spring.quartz.scheduler-name",
				"legends-races-" + instance + "-" + Integer.toHexString(url.hashCode())));
	}

}
