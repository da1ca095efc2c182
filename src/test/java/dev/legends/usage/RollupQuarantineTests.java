package dev.legends.usage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.IngestClient;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackCall;
import dev.legends.testkit.SlackMessages;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import dev.legends.usage.UsageStore.RollupKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pending rollup rows that cannot be folded (as an older version or a bug could have
 * written them) are quarantined instead of blocking every board: normal data planted
 * around them is folded and answered over HTTP and in Slack, and the poisoned rows are
 * kept, logged once, shown to admins and in health.
 */
@LegendsAppTest
@ExtendWith(OutputCaptureExtension.class)
class RollupQuarantineTests {

	private static final String WEEK = "/api/v1/usage/summary?start=2026-11-23T00:00:00Z&end=2026-11-30T00:00:00Z";

	private static final JsonMapper JSON = new JsonMapper();

	@Autowired
	JdbcTemplate jdbc;

	@Value("${local.management.port}")
	int managementPort;

	@Test
	void foldWhenPendingRowsArePoisonedQuarantinesThemAndBoardsAnswer(SlackTestClient slack, FakeSlackApi fake,
			CapturedOutput output) throws Exception {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(new SlackUser("UQUAR1", "Quinn Arantine", "quinn@example.com", "UTC", false));
		IngestClient api = IngestClient.withNewKey(team, "nightly");
		assertThat(api.postJson("/api/v1/usage", batch("q-1", 100)).statusCode()).isEqualTo(200);
		assertThat(api.get(WEEK).statusCode()).isEqualTo(200);
		Map<String, Object> identity = this.jdbc
			.queryForMap("select id, workspace_id from usage_identity where identity_value = 'quinn@example.com'");
		long identityId = ((Number) identity.get("ID")).longValue();
		long workspaceId = ((Number) identity.get("WORKSPACE_ID")).longValue();
		RollupKey key = new RollupKey(identityId, "claude-sonnet-4-5", Instant.parse("2026-11-26T09:00:00Z"));
		long huge = plant(workspaceId,
				PendingRollups.encode(Map.of(key, new TokenCounts(0, Long.MAX_VALUE, 0, 0, 0, 1, ZERO, 1))));
		long wrapped = plant(workspaceId,
				PendingRollups.encode(Map.of(key, new TokenCounts(0, -2, 0, 0, 0, 2, ZERO, 2))));
		long garbage = plant(workspaceId, new byte[] { 0, 0, 0, 99, 1, 2, 3 });
		assertThat(api.postJson("/api/v1/usage", batch("q-2", 20)).statusCode()).isEqualTo(200);

		HttpResponse<String> summary = api.get(WEEK);
		assertThat(summary.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(summary.body()).get("totals").get("output_tokens").asLong()).isEqualTo(120);
		assertThat(api.get(WEEK).statusCode()).isEqualTo(200);
		for (String command : List.of("me", "top", "top usage", "why")) {
			assertThat(SlackMessages.visibleText(team.command("UQUAR1", command).body())).as(command)
				.doesNotContain("snag");
		}
		// the background folder quarantines them (reads leave them out meanwhile)
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (this.jdbc.queryForObject("select count(*) from usage_rollup_pending where id in (?, ?, ?)",
				Integer.class, huge, wrapped, garbage) > 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.jdbc.queryForList("select id from usage_rollup_quarantine where workspace_id = ? order by id",
				Long.class, workspaceId))
			.containsExactly(huge, wrapped, garbage);
		assertThat(this.jdbc.queryForObject("select count(*) from usage_rollup_pending where id in (?, ?, ?)",
				Integer.class, huge, wrapped, garbage))
			.isZero();
		for (long id : List.of(huge, wrapped, garbage)) {
			assertThat(output.getOut().split("Quarantined pending usage rollup row " + id + ":", -1)).hasSize(2);
		}

		JsonNode health = JSON.readTree(get(managementHealth()));
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("rollups").get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("rollups").get("details").get("quarantined").asLong())
			.isGreaterThanOrEqualTo(3);

		int before = fake.calls("views.publish").size();
		team.appHomeOpened(SlackTestClient.ADMIN_USER);
		fake.awaitCalls("views.publish", before + 1, Duration.ofSeconds(10));
		List<SlackCall> published = fake.calls((call) -> call.method().equals("views.publish")
				&& SlackTestClient.ADMIN_USER.equals(call.param("user_id")));
		String home = published.get(published.size() - 1).visibleText();
		assertThat(home).contains("Quarantined usage* (3)", "row " + huge, "row " + garbage);
	}

	@Test
	void healthWhenNothingQuarantinedIsUpWithZero(SlackTestClient slack) throws Exception {
		JsonNode health = JSON.readTree(get(managementHealth()));
		assertThat(health.get("components").get("rollups").get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("rollups").get("details").has("quarantined")).isTrue();
	}

	private String managementHealth() {
		return "http://127.0.0.1:" + this.managementPort + "/actuator/health";
	}

	private long plant(long workspaceId, byte[] payload) {
		this.jdbc.update("insert into usage_rollup_pending (workspace_id, payload, created_at) values (?, ?, ?)",
				workspaceId, payload, UsageStore.utc(Instant.now()));
		return this.jdbc.queryForObject("select max(id) from usage_rollup_pending", Long.class);
	}

	private static String batch(String id, long output) {
		return "{\"records\":[{\"id\":\"" + id + "\",\"user\":{\"email\":\"quinn@example.com\"},\"source\":\"q\","
				+ "\"model\":\"claude-sonnet-4-5\",\"start\":\"2026-11-26T09:00:00Z\",\"end\":\"2026-11-26T09:10:00Z\","
				+ "\"output_tokens\":" + output + "}]}";
	}

	private static String get(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private static final java.math.BigDecimal ZERO = java.math.BigDecimal.ZERO;

}
