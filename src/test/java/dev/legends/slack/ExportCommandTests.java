package dev.legends.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackCall;
import dev.legends.testkit.SlackMessages;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;
import dev.legends.usage.UsageLedger;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /legends export} sends the caller their own data as a file in a DM.
 */
@LegendsAppTest
class ExportCommandTests {

	@Autowired
	UsageLedger usage;

	@Autowired
	Members members;

	@Test
	void exportWhenAskedUploadsOwnDataToDirectMessage(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(new SlackUser("UEXPORT", "Erin Export", "erin@example.com", "UTC", false));
		Member erin = this.members.member(team.teamId(), "UEXPORT");
		Instant hour = Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
		this.usage.ingest(erin.getWorkspaceId(), List.of(new UsageInput("exp-1", UsageIdentity.slackId("UEXPORT"),
				"claude-code", "claude-sonnet-4-5", hour, hour.plusSeconds(3599), 1200, 800, 5000, 0, 0, 3, null)));

		String ack = SlackMessages.visibleText(team.command("UEXPORT", "export").body());

		assertThat(ack).contains("Preparing your export");
		List<SlackCall> completes = fake.awaitCalls("files.completeUploadExternal", 1, Duration.ofSeconds(10));
		assertThat(completes).hasSize(1);
		assertThat(completes.get(0).param("channel_id")).isEqualTo("DUEXPORT");
		SlackCall upload = fake.calls("file_upload").get(0);
		JsonObject document = JsonParser.parseString(upload.body()).getAsJsonObject();
		assertThat(document.getAsJsonObject("person").get("email").getAsString()).isEqualTo("erin@example.com");
		JsonObject totals = document.getAsJsonObject("usage").getAsJsonObject("totals");
		assertThat(totals.get("input_tokens").getAsLong()).isEqualTo(1200);
		assertThat(totals.get("cache_read_input_tokens").getAsLong()).isEqualTo(5000);
		assertThat(document.getAsJsonArray("outcomes")).isEmpty();
	}

	@Test
	void exportWhenUploadFailsSaysSoToTheCaller(SlackTestClient slack, FakeSlackApi fake) {
		fake.errorNext("files.getUploadURLExternal", "not_allowed_token_type");
		slack.command("UEXPORT2", "export");
		List<SlackCall> responses = fake.awaitCalls("response_url", 1, Duration.ofSeconds(10));
		assertThat(responses).anySatisfy(
				(call) -> assertThat(SlackMessages.visibleText(call.body())).contains("couldn't send your export"));
	}

}
