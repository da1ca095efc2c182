package dev.legends.slack.outcomes;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.legends.teams.TeamChange;
import dev.legends.teams.Teams;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.IngestClient;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackCall;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import dev.legends.testkit.ViewState;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile text from users and usage sources (a model, source and API key name sent over
 * the usage API, a display name, a team name, an outcome title and notes) driven through
 * every Slack surface that shows it: {@code /legends me}, {@code why}, {@code top},
 * {@code team}, {@code key unmatched}, App Home (member and admin), the report DMs and a
 * channel digest. Whatever Slack receives as mrkdwn carries no live mention, no disguised
 * link and no formatting the text did not ask for.
 */
@LegendsAppTest
class HostileTextTests {

	private static final String MODEL = "<!channel> *m* <http://evil.example|m>";

	private static final String TITLE = "Fixed <@U123> x&lt;y *bold* <https://evil.example|click>";

	private static final String NAME = "<!here> _Eve_ <@U0BOSS>";

	private static final String TEAM = "<!channel> ~Crew~";

	private static final List<String> FORBIDDEN = List.of("<!channel>", "<!here>", "<@U123>", "<@U0BOSS>",
			"<http://evil", "<https://evil", "*m*", "*bold*", "_Eve_", "~Crew~", "x&lt;y");

	@Autowired
	Members members;

	@Autowired
	Teams teams;

	@Test
	void renderersWhenTextIsHostileEscapeEverythingSlackReceives(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(new SlackUser("UHOST1", NAME, "hostile@example.com", "UTC", false));
		fake.addUser(SlackUser.of("UHOST2", "Bea"));
		Member eve = this.members.member(team.teamId(), "UHOST1");
		Member bea = this.members.member(team.teamId(), "UHOST2");
		Member admin = this.members.member(team.teamId(), SlackTestClient.ADMIN_USER);
		this.teams.save(new TeamChange(null, admin.getWorkspaceId(), TEAM, Set.of(eve.getId(), bea.getId()),
				Set.of(bea.getId()), null, null), admin);
		int before = fake.calls().size();
		List<String> received = new ArrayList<>();

		IngestClient api = IngestClient.withNewKey(team, "nightly");
		String today = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
		String batch = "{\"records\":[{\"id\":\"h-1\",\"user\":{\"email\":\"hostile@example.com\"},"
				+ "\"source\":\"<!channel> *src*\",\"model\":" + json(MODEL) + ",\"start\":\"" + today + "\",\"end\":\""
				+ today + "\",\"input_tokens\":1000,\"output_tokens\":500},{\"id\":\"h-2\",\"user\":{\"api_key_name\":"
				+ json("<@U123> *key*") + "},\"source\":\"s\",\"model\":\"m\",\"start\":\"" + today + "\",\"end\":\""
				+ today + "\",\"input_tokens\":1}]}";
		assertThat(api.postJson("/api/v1/usage", batch).statusCode()).isEqualTo(200);

		HttpResponse<String> submitted = team.viewSubmission("UHOST1", ReportModal.CALLBACK_ID, "c=C0HOST;e=",
				ViewState.values()
					.select(ReportModal.KIND, "kind_select", "PR_MERGED")
					.text(ReportModal.TITLE, "title_input", TITLE)
					.url(ReportModal.LINK, "link_input", null)
					.select(ReportModal.SIZE, "size_select", "M")
					.date(ReportModal.DATE, "date_picker", LocalDate.now(ZoneOffset.UTC))
					.users(ReportModal.COLLABORATORS, "collaborators_select")
					.user(ReportModal.CONFIRMER, "confirmer_select", "UHOST2")
					.text(ReportModal.NOTES, "notes_input", "Notes <!everyone> *n*"));
		assertThat(submitted.statusCode()).isEqualTo(200);
		fake.awaitCalls("chat.postMessage", 2, Duration.ofSeconds(10));

		for (String command : List.of("me", "why", "top", "top usage", "top efficiency", "team")) {
			received.add(team.command("UHOST1", command).body());
		}
		received.add(team.command("UHOST2", "why <@UHOST1|eve>").body());
		received.add(team.command(SlackTestClient.ADMIN_USER, "key unmatched").body());
		received.add(team.command(SlackTestClient.ADMIN_USER, "key list").body());
		team.appHomeOpened("UHOST1");
		team.appHomeOpened(SlackTestClient.ADMIN_USER);
		team.command(SlackTestClient.ADMIN_USER, "digest now", "C0HOSTDIGEST");
		fake.awaitCalls("views.publish", 2, Duration.ofSeconds(10));

		List<SlackCall> calls = new ArrayList<>(fake.calls().subList(before, fake.calls().size()));
		for (SlackCall call : calls) {
			received.add(call.body());
			call.params().forEach((name, value) -> {
				if (value != null && (value.startsWith("{") || value.startsWith("["))) {
					received.add(value);
				}
				else if ("text".equals(name)) {
					received.add("{\"text\":" + json(value) + "}");
				}
			});
		}
		List<String> mrkdwn = new ArrayList<>();
		received.forEach((payload) -> collectMrkdwn(payload, mrkdwn));
		assertThat(String.join("\n", mrkdwn)).contains("&lt;!channel&gt;", "x&amp;lt;y", "&lt;@U123&gt;");
		for (String text : mrkdwn) {
			for (String forbidden : FORBIDDEN) {
				assertThat(text).as("mrkdwn sent to Slack").doesNotContain(forbidden);
			}
		}
	}

	/**
	 * The mrkdwn of a payload: every {@code mrkdwn} text object and the message-level
	 * {@code text} (which Slack renders as mrkdwn in notifications).
	 */
	private static void collectMrkdwn(String payload, List<String> texts) {
		if (payload == null || payload.isBlank()) {
			return;
		}
		JsonElement root;
		try {
			root = JsonParser.parseString(payload);
		}
		catch (RuntimeException notJson) {
			return;
		}
		if (root.isJsonObject() && root.getAsJsonObject().has("text")
				&& root.getAsJsonObject().get("text").isJsonPrimitive()) {
			texts.add(root.getAsJsonObject().get("text").getAsString());
		}
		walk(root, texts);
	}

	private static void walk(JsonElement element, List<String> texts) {
		if (element.isJsonArray()) {
			element.getAsJsonArray().forEach((child) -> walk(child, texts));
		}
		else if (element.isJsonObject()) {
			JsonObject object = element.getAsJsonObject();
			if (object.has("type") && object.get("type").isJsonPrimitive()
					&& "mrkdwn".equals(object.get("type").getAsString()) && object.has("text")) {
				texts.add(object.get("text").getAsString());
			}
			object.entrySet().forEach((entry) -> {
				JsonElement value = entry.getValue();
				if (value.isJsonPrimitive() && value.getAsString().startsWith("[{")) {
					collectMrkdwn(value.getAsString(), texts);
				}
				else {
					walk(value, texts);
				}
			});
		}
	}

	private static String json(String text) {
		return new com.google.gson.Gson().toJson(text);
	}

}
