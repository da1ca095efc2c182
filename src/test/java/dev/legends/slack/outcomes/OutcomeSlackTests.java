package dev.legends.slack.outcomes;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.legends.teams.TeamChange;
import dev.legends.teams.Teams;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackCall;
import dev.legends.testkit.SlackMessages;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import dev.legends.testkit.ViewState;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reporting, confirming and rejecting outcomes in Slack, as people would, and failing to
 * game it.
 */
@LegendsAppTest
class OutcomeSlackTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Members members;

	@Autowired
	Teams teams;

	@Test
	void reportCommandWhenTypedOpensModalWithTitlePrefilled(SlackTestClient slack, FakeSlackApi fake) {
		fake.addUser(SlackUser.of("URP1", "Ada"));
		HttpResponse<String> response = slack.inNewTeam().command("URP1", "report Shipped the <@U9|bea> export");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContain("snag");
		SlackCall open = fake.awaitCalls("views.open", 1, WAIT).get(0);
		JsonObject view = open.json("view").getAsJsonObject();
		assertThat(view.get("callback_id").getAsString()).isEqualTo(ReportModal.CALLBACK_ID);
		assertThat(view.get("private_metadata").getAsString()).isEqualTo("c=" + SlackTestClient.CHANNEL + ";e=");
		assertThat(open.param("view")).contains("\"initial_value\":\"Shipped the @bea export\"")
			.contains("\"initial_date\":\"" + today() + "\"");
	}

	@Test
	void submitWhenEachValueIsBadAnswersErrorsOnItsBlockAndStoresNothing(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(SlackUser.of("URP2", "Ada"));
		assertThat(errors(submit(team, "URP2", "", null, "M", today(), null)).keySet()).containsExactly("title");
		assertThat(keys(submit(team, "URP2", "x".repeat(151), null, "M", today(), null))).containsExactly("title");
		assertThat(errors(submit(team, "URP2", "Docs", "ftp://example.com/a", "M", today(), null)).keySet())
			.containsExactly("link");
		assertThat(keys(submit(team, "URP2", "Docs", null, "M", today().plusDays(1), null))).containsExactly("date");
		assertThat(keys(submit(team, "URP2", "Docs", null, "M", today().minusDays(91), null))).containsExactly("date");
		JsonObject self = errors(submit(team, "URP2", "Docs", null, "M", today(), "URP2"));
		assertThat(self.keySet()).containsExactly("confirmer");
		assertThat(self.get("confirmer").getAsString()).contains("can't confirm your own");
		assertThat(errors(submit(team, "URP2", "Docs", null, "XL", today(), null)).keySet()).containsExactly("size");
		assertThat(count("URP2")).isZero();
		assertThat(fake.calls("chat.postMessage")).isEmpty();
	}

	@Test
	void submitWhenLinkAlreadyReportedIsRefusedNamingTheReporter(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(SlackUser.of("URP3", "Ada Lovelace"));
		fake.addUser(SlackUser.of("URP3B", "Bea"));
		assertThat(submit(team, "URP3", "Merged the export", "https://github.com/acme/app/pull/9", "M", today(), null)
			.body()).isEmpty();
		JsonObject errors = errors(
				submit(team, "URP3B", "Me too", "https://GITHUB.com/acme/app/pull/9/", "M", today(), null));
		assertThat(errors.keySet()).containsExactly("link");
		assertThat(errors.get("link").getAsString()).contains("already reported by Ada Lovelace");
		assertThat(count("URP3B")).isZero();
	}

	@Test
	void submitWhenDailyCapReachedSaysSoOnTheSizeBlock(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(SlackUser.of("URP4", "Ada"));
		assertThat(submit(team, "URP4", "First big thing", null, "L", today(), null).body()).isEmpty();
		assertThat(submit(team, "URP4", "Second big thing", null, "L", today(), null).body()).isEmpty();
		JsonObject errors = errors(submit(team, "URP4", "Third big thing", null, "S", today(), null));
		assertThat(errors.keySet()).containsExactly("size");
		assertThat(errors.get("size").getAsString()).contains("today's cap of 6 unconfirmed points");
		assertThat(count("URP4")).isEqualTo(2);
		String me = SlackMessages.visibleText(team.command("URP4", "me").body());
		assertThat(me).contains("Outcomes this week: 6 pts").contains("capped by the daily cap");
	}

	@Test
	void confirmWhenTeammateClicksInDmConfirmsUpdatesDmNotifiesAndDoublesPoints(SlackTestClient slack,
			FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(SlackUser.of("URP5", "Ada"));
		fake.addUser(SlackUser.of("URP5B", "Bea"));
		assertThat(submit(team, "URP5", "Shipped the billing export", null, "L", today(), "URP5B").body()).isEmpty();
		SlackCall request = awaitPost(fake, "DURP5B");
		assertThat(request.param("blocks")).contains(OutcomeBlocks.CONFIRM, OutcomeBlocks.REJECT,
				"Shipped the billing export");
		SlackCall receipt = awaitPost(fake, "DURP5");
		assertThat(receipt.param("blocks")).contains("Share to channel", "4 pts now", "8 pts", "Bea");
		assertThat(SlackMessages.visibleText(team.command("URP5", "me").body())).contains("Outcomes this week: 4 pts");
		long id = id("Shipped the billing export");

		team.blockAction("URP5B", OutcomeBlocks.CONFIRM, String.valueOf(id));

		assertThat(status(id)).isEqualTo("CONFIRMED");
		SlackCall update = fake.awaitCalls("chat.update", 1, WAIT).get(0);
		assertThat(update.param("channel")).isEqualTo("DURP5B");
		assertThat(update.param("blocks")).contains("Confirmed by Bea").doesNotContain(OutcomeBlocks.CONFIRM);
		assertThat(awaitPost(fake, "DURP5", "Bea confirmed").param("text")).contains("Bea confirmed").contains("8 pts");
		assertThat(SlackMessages.visibleText(team.command("URP5", "me").body())).contains("Outcomes this week: 8 pts");
	}

	@Test
	void confirmWhenTheReportWasStoredTwiceBeforeTheUniqueLinkConfirmsItAndKeepsTheLinkWithTheFirst(
			SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(SlackUser.of("URP12", "Ada"));
		fake.addUser(SlackUser.of("URP12B", "Bea"));
		fake.addUser(SlackUser.of("URP12C", "Cid"));
		submit(team, "URP12", "First report of the link", "https://example.com/pr/twice", "M", today(), "URP12B");
		submit(team, "URP12C", "Second report of the link", "https://example.com/pr/once", "M", today(), "URP12B");
		long first = id("First report of the link");
		long second = id("Second report of the link");
		// as V22 left a report stored twice before it: active, without the link's slot
		this.jdbc.update("update outcome set link = (select link from outcome where id = ?), active_link = null "
				+ "where id = ?", first, second);
		awaitPost(fake, "DURP12B");

		team.blockAction("URP12B", OutcomeBlocks.CONFIRM, String.valueOf(second));

		assertThat(status(second)).isEqualTo("CONFIRMED");
		assertThat(awaitPost(fake, "DURP12C", "Bea confirmed").param("text")).contains("Bea confirmed");
		assertThat(fake.calls("response_url"))
			.noneSatisfy((call) -> assertThat(call.visibleText()).contains("hit a snag"));
		assertThat(this.jdbc.queryForObject("select active_link from outcome where id = ?", String.class, first))
			.as("the link's slot stays with the first report")
			.isNotNull();
		assertThat(SlackMessages.visibleText(team.command("URP12C", "why").body()))
			.contains("Second report of the link", "same link reported earlier");
	}

	@Test
	void confirmWhenReporterForgesTheButtonIsRefusedAndChangesNothing(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(SlackUser.of("URP6", "Ada"));
		fake.addUser(SlackUser.of("URP6B", "Bea"));
		submit(team, "URP6", "Forged confirmation", null, "M", today(), "URP6B");
		long id = id("Forged confirmation");
		awaitPost(fake, "DURP6B");

		team.blockAction("URP6", OutcomeBlocks.CONFIRM, String.valueOf(id));

		SlackCall answer = fake.awaitCalls("response_url", 1, WAIT).get(0);
		assertThat(answer.visibleText()).contains("You can't confirm your own outcome");
		assertThat(status(id)).isEqualTo("REPORTED");
		assertThat(fake.calls((call) -> "chat.update".equals(call.method()) && "DURP6B".equals(call.param("channel"))))
			.isEmpty();
	}

	@Test
	void rejectWhenReasonGivenUpdatesDmAndTellsReporterWhy(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(SlackUser.of("URP7", "Ada"));
		fake.addUser(SlackUser.of("URP7B", "Bea"));
		submit(team, "URP7", "Rejected thing", null, "M", today(), "URP7B");
		long id = id("Rejected thing");
		awaitPost(fake, "DURP7B");

		team.blockAction("URP7B", OutcomeBlocks.REJECT, String.valueOf(id));
		SlackCall modal = fake.awaitCalls("views.open", 1, WAIT).get(0);
		assertThat(modal.param("view")).contains(RejectModal.CALLBACK_ID).contains("Rejected thing");
		HttpResponse<String> blank = team.viewSubmission("URP7B", RejectModal.CALLBACK_ID, String.valueOf(id),
				ViewState.values().text(RejectModal.REASON, "reason_input", " "));
		assertThat(errors(blank).keySet()).containsExactly(RejectModal.REASON);
		assertThat(status(id)).isEqualTo("REPORTED");
		HttpResponse<String> done = team.viewSubmission("URP7B", RejectModal.CALLBACK_ID, String.valueOf(id),
				ViewState.values().text(RejectModal.REASON, "reason_input", "It was reverted"));

		assertThat(done.body()).isEmpty();
		assertThat(status(id)).isEqualTo("REJECTED");
		assertThat(fake.awaitCalls("chat.update", 1, WAIT).get(0).param("blocks")).contains("Rejected by Bea")
			.contains("It was reverted");
		assertThat(awaitPost(fake, "DURP7", "Bea rejected").param("text")).contains("It was reverted");
	}

	@Test
	void messageShortcutWhenUsedPrefillsTitleAndPermalink(SlackTestClient slack, FakeSlackApi fake) {
		fake.addUser(SlackUser.of("URP8", "Ada"));
		slack.inNewTeam()
			.messageShortcut("URP8", OutcomeReportFeature.SHORTCUT, "C0DEV", "1700000000.000200",
					"Fixed the flaky login test\nDetails in the thread");
		assertThat(fake.awaitCalls("chat.getPermalink", 1, WAIT).get(0).param("channel")).isEqualTo("C0DEV");
		SlackCall open = fake.awaitCalls("views.open", 1, WAIT).get(0);
		assertThat(open.param("view")).contains("\"initial_value\":\"Fixed the flaky login test\"")
			.contains("\"initial_value\":\"https://legends-test.invalid/archives/C0DEV/p1700000000000200\"");
		assertThat(metadata(open)).isEqualTo("c=C0DEV;e=");
	}

	@Test
	void shareWhenReporterClicksPostsWithoutMentions(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(SlackUser.of("URP9", "Ada"));
		fake.addUser(SlackUser.of("URP9B", "Bea"));
		team.viewSubmission("URP9", ReportModal.CALLBACK_ID, "c=C0TEAM;e=",
				state("Shared <!channel> win", null, "M", today(), null).users(ReportModal.COLLABORATORS,
						"collaborators_select", "URP9B"));
		long id = id("Shared <!channel> win");
		assertThat(awaitPost(fake, "DURP9").param("blocks")).contains("\"value\":\"" + id + "\"")
			.doesNotContain("C0TEAM");

		team.blockAction("URP9B", OutcomeBlocks.SHARE, id + "|C0TEAM");
		assertThat(fake.awaitCalls("response_url", 1, WAIT).get(0).visibleText()).contains("Only the person");
		team.blockAction("URP9", OutcomeBlocks.SHARE, id + "|C0TEAM");

		SlackCall post = awaitPost(fake, "C0TEAM");
		assertThat(post.param("text")).contains("Ada and Bea delivered")
			.contains("&lt;!channel&gt;")
			.doesNotContain("<@")
			.doesNotContain("<!channel>");
	}

	@Test
	void meWhenOutcomeUnconfirmedOffersEditAndWithdraw(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(SlackUser.of("URP10", "Ada"));
		fake.addUser(SlackUser.of("URP10B", "Bea"));
		submit(team, "URP10", "Editable thing", "https://example.com/e", "S", today(), null);
		long id = id("Editable thing");
		String me = team.command("URP10", "me").body();
		assertThat(me).contains(OutcomeReportFeature.EDIT, OutcomeReportFeature.WITHDRAW);

		team.blockAction("URP10B", OutcomeReportFeature.WITHDRAW, String.valueOf(id));
		assertThat(status(id)).isEqualTo("REPORTED");
		team.blockAction("URP10", OutcomeReportFeature.EDIT, String.valueOf(id));
		SlackCall open = fake.awaitCalls("views.open", 1, WAIT).get(0);
		assertThat(open.param("view")).contains("Edit outcome", "Editable thing");
		assertThat(metadata(open)).isEqualTo("c=;e=" + id);
		HttpResponse<String> saved = team.viewSubmission("URP10", ReportModal.CALLBACK_ID, "c=;e=" + id,
				state("Edited thing", "https://example.com/e", "M", today(), null));
		assertThat(saved.body()).isEmpty();
		assertThat(this.jdbc.queryForObject("select size from outcome where id = ?", String.class, id)).isEqualTo("M");
		team.blockAction("URP10", OutcomeReportFeature.WITHDRAW, String.valueOf(id));

		assertThat(status(id)).isEqualTo("WITHDRAWN");
		assertThat(fake.calls("response_url").stream().map(SlackCall::visibleText))
			.anySatisfy((text) -> assertThat(text).contains("Only the person who reported"))
			.anySatisfy((text) -> assertThat(text).contains("Withdrawn"));
		assertThat(SlackMessages.visibleText(team.command("URP10", "me").body())).contains("withdrawn");
	}

	@Test
	void submitWhenNoConfirmerNamedAsksTheTeamManagerWhoMayConfirmBeyondTheWeeklyLimit(SlackTestClient slack,
			FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(SlackUser.of("URP11", "Ada"));
		fake.addUser(SlackUser.of("URP11M", "Max"));
		Member ada = this.members.member(team.teamId(), "URP11");
		Member max = this.members.member(team.teamId(), "URP11M");
		Member admin = this.members.member(team.teamId(), SlackTestClient.ADMIN_USER);
		this.teams.save(new TeamChange(null, ada.getWorkspaceId(), "Platform", Set.of(ada.getId(), max.getId()),
				Set.of(max.getId()), null, null), admin);

		submit(team, "URP11", "Managed thing", null, "S", today(), null);

		assertThat(awaitPost(fake, "DURP11M").param("blocks")).contains("Managed thing", OutcomeBlocks.CONFIRM);
		assertThat(fake.calls((call) -> "chat.postMessage".equals(call.method())
				&& ("D" + SlackTestClient.ADMIN_USER).equals(call.param("channel"))))
			.isEmpty();
		team.blockAction("URP11M", OutcomeBlocks.CONFIRM, String.valueOf(id("Managed thing")));
		assertThat(status(id("Managed thing"))).isEqualTo("CONFIRMED");
		assertThat(fake.awaitCalls("chat.update", 1, WAIT)).isNotEmpty();
	}

	@Test
	void confirmWhenConfirmerOverWeeklyLimitIsRefusedAndManagersAreAsked(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(SlackUser.of("URP12", "Ada"));
		fake.addUser(SlackUser.of("URP12B", "Bea"));
		for (int i = 1; i <= 6; i++) {
			submit(team, "URP12", "Weekly thing " + i, null, "S", today(), "URP12B");
		}
		for (int i = 1; i <= 5; i++) {
			team.blockAction("URP12B", OutcomeBlocks.CONFIRM, String.valueOf(id("Weekly thing " + i)));
		}
		long sixth = id("Weekly thing 6");

		team.blockAction("URP12B", OutcomeBlocks.CONFIRM, String.valueOf(sixth));

		assertThat(status(sixth)).isEqualTo("REPORTED");
		assertThat(fake.awaitCalls("response_url", 1, WAIT).get(0).visibleText())
			.contains("a manager has to confirm this one");
		assertThat(awaitPost(fake, "D" + SlackTestClient.ADMIN_USER, "Weekly thing 6").param("blocks"))
			.contains(OutcomeBlocks.CONFIRM);
	}

	static HttpResponse<String> submit(SlackTestClient team, String userId, String title, String link, String size,
			LocalDate date, String confirmer) {
		return team.viewSubmission(userId, ReportModal.CALLBACK_ID, "c=" + SlackTestClient.CHANNEL + ";e=",
				state(title, link, size, date, confirmer));
	}

	static ViewState state(String title, String link, String size, LocalDate date, String confirmer) {
		return ViewState.values()
			.select(ReportModal.KIND, "kind_select", "PR_MERGED")
			.text(ReportModal.TITLE, "title_input", title.isEmpty() ? null : title)
			.url(ReportModal.LINK, "link_input", link)
			.select(ReportModal.SIZE, "size_select", size)
			.date(ReportModal.DATE, "date_picker", date)
			.users(ReportModal.COLLABORATORS, "collaborators_select")
			.user(ReportModal.CONFIRMER, "confirmer_select", confirmer)
			.text(ReportModal.NOTES, "notes_input", null);
	}

	private static String metadata(SlackCall viewsOpen) {
		return viewsOpen.json("view").getAsJsonObject().get("private_metadata").getAsString();
	}

	private static java.util.Set<String> keys(HttpResponse<String> response) {
		return errors(response).keySet();
	}

	static JsonObject errors(HttpResponse<String> response) {
		assertThat(response.body()).as("an errors answer").contains("errors");
		JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
		assertThat(body.get("response_action").getAsString()).isEqualTo("errors");
		return body.getAsJsonObject("errors");
	}

	private static SlackCall awaitPost(FakeSlackApi fake, String channel) {
		return awaitPost(fake, channel, "");
	}

	static SlackCall awaitPost(FakeSlackApi fake, String channel, String containing) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			List<SlackCall> posts = fake.calls((call) -> call.method().equals("chat.postMessage")
					&& channel.equals(call.param("channel")) && call.visibleText().contains(containing));
			if (!posts.isEmpty()) {
				return posts.get(0);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		throw new AssertionError("No chat.postMessage to " + channel + " containing '" + containing + "'");
	}

	private long id(String title) {
		return this.jdbc.queryForObject("select id from outcome where title = ?", Long.class, title);
	}

	private String status(long id) {
		return this.jdbc.queryForObject("select status from outcome where id = ?", String.class, id);
	}

	private int count(String userId) {
		return this.jdbc.queryForObject(
				"select count(*) from outcome o join member m on m.id = o.reporter_id where m.slack_user_id = ?",
				Integer.class, userId);
	}

	static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

}
