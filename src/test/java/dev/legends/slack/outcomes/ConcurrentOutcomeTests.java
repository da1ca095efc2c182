package dev.legends.slack.outcomes;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.legends.testkit.Concurrently;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackCall;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.legends.slack.outcomes.OutcomeSlackTests.awaitPost;
import static dev.legends.slack.outcomes.OutcomeSlackTests.state;
import static dev.legends.slack.outcomes.OutcomeSlackTests.submit;
import static dev.legends.slack.outcomes.OutcomeSlackTests.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simultaneous clicks and submissions on outcomes, fired 8 at once over HTTP as Slack
 * would deliver them: each ends in exactly the effect a person expects, and every request
 * gets an answer (no 5xx).
 */
@LegendsAppTest
class ConcurrentOutcomeTests {

	private static final int CLICKS = 8;

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void confirmWhenEightClicksAtOnceConfirmsOnlyUpToTheWeeklyLimit(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		String reporter = "URC" + team.teamId();
		String confirmer = "UCC" + team.teamId();
		fake.addUser(SlackUser.of(reporter, "Ada"));
		fake.addUser(SlackUser.of(confirmer, "Bea"));
		List<Long> ids = IntStream.rangeClosed(1, CLICKS).mapToObj((i) -> {
			assertThat(submit(team, reporter, "Limit race " + team.teamId() + " " + i, null, "S", today(), confirmer)
				.body()).isEmpty();
			return id("Limit race " + team.teamId() + " " + i);
		}).toList();

		List<HttpResponse<String>> answers = Concurrently.run(CLICKS,
				(i) -> team.blockAction(confirmer, OutcomeBlocks.CONFIRM, String.valueOf(ids.get(i))));

		assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
		assertThat(confirmed(ids)).isEqualTo(5);
		assertThat(fake.awaitCalls("response_url", CLICKS - 5, WAIT))
			.filteredOn((call) -> call.visibleText()
				.contains("already confirmed 5 of Ada's outcomes this week (the limit is 5)"))
			.hasSize(CLICKS - 5);
	}

	@Test
	void submitWhenEightReportTheSameLinkAtOnceStoresOneAndNamesItToTheOthers(SlackTestClient slack,
			FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		String link = "https://github.com/acme/app/pull/" + team.teamId();
		IntStream.range(0, CLICKS).forEach((i) -> fake.addUser(SlackUser.of("UL" + i + team.teamId(), "Dev " + i)));

		String sameLinkAsTyped = link.replace("https://github.com", "HTTPS://GitHub.COM") + "/?utm_source=slack";
		List<HttpResponse<String>> answers = Concurrently.run(CLICKS, (i) -> submit(team, "UL" + i + team.teamId(),
				"Same link " + i, (i % 2 == 0) ? link : sameLinkAsTyped, "M", today(), null));

		assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
		assertThat(this.jdbc.queryForObject("select count(*) from outcome where lower(link) like ?", Integer.class,
				"%/pull/" + team.teamId().toLowerCase() + "%"))
			.isEqualTo(1);
		assertThat(answers).filteredOn((answer) -> answer.body().isEmpty()).hasSize(1);
		assertThat(answers).filteredOn((answer) -> !answer.body().isEmpty())
			.extracting((answer) -> OutcomeSlackTests.errors(answer).get("link").getAsString())
			.hasSize(CLICKS - 1)
			.allSatisfy(
					(error) -> assertThat(error).contains("already reported by Dev ").contains("One link counts once"));
	}

	@Test
	void submitWhenTheSameSubmissionArrivesTwiceStoresOneOutcome(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		String reporter = "UDS" + team.teamId();
		fake.addUser(SlackUser.of(reporter, "Ada"));
		String body = team.viewSubmissionBody(reporter, ReportModal.CALLBACK_ID, "c=C0GENERAL;e=",
				state("Double submit " + team.teamId(), null, "M", today(), null));

		List<HttpResponse<String>> answers = Concurrently.run(CLICKS, (i) -> team.send(body));

		assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
		assertThat(answers).extracting(HttpResponse::body).containsOnly("");
		assertThat(this.jdbc.queryForObject("select count(*) from outcome where title = ?", Integer.class,
				"Double submit " + team.teamId()))
			.isEqualTo(1);
		assertThat(team.send(body).body()).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from outcome where title = ?", Integer.class,
				"Double submit " + team.teamId()))
			.isEqualTo(1);
	}

	@Test
	void shareWhenClickedAgainAndAgainWithAnotherChannelPostsOnceWhereTheReportWasMade(SlackTestClient slack,
			FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		String reporter = "USH" + team.teamId();
		String channel = "CREPORT" + team.teamId();
		fake.addUser(SlackUser.of(reporter, "Ada"));
		team.viewSubmission(reporter, ReportModal.CALLBACK_ID, "c=" + channel + ";e=",
				state("Share race " + team.teamId(), null, "M", today(), null));
		long id = id("Share race " + team.teamId());
		String value = shareValue(awaitPost(fake, "D" + reporter, ""));
		assertThat(value).as("the receipt's share button").doesNotContain(channel).startsWith(String.valueOf(id));

		List<HttpResponse<String>> answers = Concurrently.run(CLICKS, (i) -> team.blockAction(reporter,
				OutcomeBlocks.SHARE, (i % 2 == 0) ? value : id + "|CSECRETCHAN" + team.teamId()));

		assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
		List<SlackCall> replies = fake.awaitCalls("response_url", CLICKS, WAIT);
		assertThat(fake.calls("chat.postMessage")).filteredOn((call) -> channel.equals(call.param("channel")))
			.hasSize(1);
		assertThat(fake.calls("chat.postMessage"))
			.filteredOn((call) -> ("CSECRETCHAN" + team.teamId()).equals(call.param("channel")))
			.isEmpty();
		assertThat(replies).filteredOn((call) -> call.visibleText().contains("Shared in <#" + channel + ">"))
			.hasSize(1);
		assertThat(replies).filteredOn((call) -> call.visibleText().contains("already shared in <#" + channel + ">"))
			.hasSize(CLICKS - 1);
	}

	/** The value of the receipt's "Share to channel" button. */
	private static String shareValue(SlackCall receipt) {
		for (JsonElement block : receipt.json("blocks").getAsJsonArray()) {
			JsonArray elements = block.getAsJsonObject().getAsJsonArray("elements");
			for (JsonElement element : (elements != null) ? elements : new JsonArray()) {
				JsonObject button = element.getAsJsonObject();
				if (button.has("action_id") && OutcomeBlocks.SHARE.equals(button.get("action_id").getAsString())) {
					return button.get("value").getAsString();
				}
			}
		}
		throw new AssertionError("No share button in " + receipt.param("blocks"));
	}

	private long id(String title) {
		return this.jdbc.queryForObject("select id from outcome where title = ?", Long.class, title);
	}

	private int confirmed(List<Long> ids) {
		return (int) ids.stream()
			.filter((id) -> "CONFIRMED"
				.equals(this.jdbc.queryForObject("select status from outcome where id = ?", String.class, id)))
			.count();
	}

}
