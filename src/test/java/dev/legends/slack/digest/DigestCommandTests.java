package dev.legends.slack.digest;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonObject;
import dev.legends.digest.DigestSchedule;
import dev.legends.digest.DigestSchedules;
import dev.legends.digest.DigestSection;
import dev.legends.digest.ScheduleStatus;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackCall;
import dev.legends.testkit.SlackMessages;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.ViewState;
import dev.legends.teams.Team;
import dev.legends.teams.TeamChange;
import dev.legends.teams.Teams;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /legends digest setup|now|off} and the setup modal, as a manager, an admin and
 * anyone else would use them.
 */
@LegendsAppTest
class DigestCommandTests {

	static final String ADMIN = SlackTestClient.ADMIN_USER;

	@Autowired
	DigestSchedules schedules;

	@Autowired
	Members members;

	@Autowired
	Teams teams;

	@Test
	void digestWhenTypedInDirectMessageExplainsItBelongsToAChannel(SlackTestClient slack) {
		String answer = SlackMessages.visibleText(slack.command(ADMIN, "digest setup", "DADMIN").body());
		assertThat(answer).contains("Digests belong to a channel").contains("/legends digest setup");
	}

	@Test
	void digestWhenCallerIsNeitherAdminNorManagerRefusesAndChangesNothing(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		String answer = SlackMessages.visibleText(team.command("UPLAIN1", "digest now", "CPLAIN1").body());
		assertThat(answer).contains("Only Legends admins and team managers");
		assertThat(fake.calls("views.open")).isEmpty();
		assertThat(fake.calls("chat.postMessage")).isEmpty();
	}

	@Test
	void digestNowWhenAdminAcksThenPostsDigestWithMetadataAndChart(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		List<String> people = List.of("UNOW1", "UNOW2", "UNOW3", "UNOW4", "UNOW5");
		people.forEach((id) -> this.members.member(team.teamId(), id));
		fake.setChannelMembers("CNOW1", people);
		String answer = SlackMessages.visibleText(team.command(ADMIN, "digest now", "CNOW1").body());
		assertThat(answer).contains("Posting this week's digest so far");
		fake.awaitCalls("files.completeUploadExternal", 1, Duration.ofSeconds(20));
		List<SlackCall> posts = fake
			.calls((call) -> call.method().equals("chat.postMessage") && "CNOW1".equals(call.param("channel")));
		assertThat(posts).hasSize(1);
		JsonObject metadata = posts.get(0).json("metadata").getAsJsonObject();
		assertThat(metadata.get("event_type").getAsString()).isEqualTo("legends_digest");
		assertThat(metadata.getAsJsonObject("event_payload").get("period_key").getAsString()).startsWith("now:");
		assertThat(posts.get(0).param("blocks")).contains("Report an outcome").contains("Cost per confirmed point");
		SlackCall upload = fake.calls("files.completeUploadExternal").get(0);
		assertThat(upload.param("channel_id")).isEqualTo("CNOW1");
		assertThat(upload.param("thread_ts")).isEqualTo(fake.messages("CNOW1").get(0).get("ts").getAsString());
		assertThat(fake.uploads()).hasSize(1);
	}

	@Test
	void digestSetupWhenAdminOpensPrefilledModal(SlackTestClient slack, FakeSlackApi fake) {
		slack.inNewTeam().command(ADMIN, "digest setup", "CSETUP1");
		SlackCall open = fake.awaitCalls("views.open", 1, Duration.ofSeconds(5)).get(0);
		JsonObject view = open.json("view").getAsJsonObject();
		assertThat(view.get("callback_id").getAsString()).isEqualTo(DigestSetupModal.CALLBACK_ID);
		assertThat(view.get("private_metadata").getAsString()).isEqualTo("CSETUP1");
		assertThat(view.toString()).contains("MONDAY").contains("09:00").contains("UTC");
	}

	@Test
	void setupSubmissionWhenValidSchedulesDigestAndConfirms(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		var response = team.viewSubmission(ADMIN, DigestSetupModal.CALLBACK_ID, "CSETUP2",
				validState().text(DigestSetupModal.TIMEZONE, DigestSetupModal.ACTION, "Europe/Paris"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContain("errors");
		DigestSchedule schedule = this.schedules.find(workspaceId(team), "CSETUP2").orElseThrow();
		assertThat(schedule.getStatus()).isEqualTo(ScheduleStatus.ACTIVE);
		assertThat(schedule.getZoneId().getId()).isEqualTo("Europe/Paris");
		assertThat(schedule.getSections()).containsExactlyInAnyOrder(DigestSection.TOTALS, DigestSection.CHART);
		assertThat(this.schedules.nextRun(schedule)).isPresent();
		SlackCall confirmation = fake.awaitCalls("chat.postEphemeral", 1, Duration.ofSeconds(5)).get(0);
		assertThat(confirmation.param("text")).contains("Weekly digest set").contains("Tuesdays at 08:30");
		String answer = SlackMessages.visibleText(team.command(ADMIN, "digest off", "CSETUP2").body());
		assertThat(answer).contains("is off");
		assertThat(this.schedules.find(workspaceId(team), "CSETUP2").orElseThrow().getStatus())
			.isEqualTo(ScheduleStatus.OFF);
		assertThat(this.schedules.nextRun(schedule)).isEmpty();
	}

	@Test
	void setupSubmissionWhenTimezoneUnknownAndNoSectionShowsErrorsInModal(SlackTestClient slack) {
		SlackTestClient team = slack.inNewTeam();
		var response = team.viewSubmission(ADMIN, DigestSetupModal.CALLBACK_ID, "CSETUP3",
				ViewState.values()
					.select(DigestSetupModal.WEEKDAY, DigestSetupModal.ACTION, "TUESDAY")
					.time(DigestSetupModal.TIME, DigestSetupModal.ACTION, "08:30")
					.text(DigestSetupModal.TIMEZONE, DigestSetupModal.ACTION, "Mars/Olympus")
					.checkboxes(DigestSetupModal.SECTIONS, DigestSetupModal.ACTION));
		assertThat(response.body()).contains("\"response_action\":\"errors\"")
			.contains(DigestSetupModal.TIMEZONE)
			.contains(DigestSetupModal.SECTIONS);
		assertThat(this.schedules.find(workspaceId(team), "CSETUP3")).isEmpty();
	}

	@Test
	void setupSubmissionWhenReplayedByNonManagerIsRefused(SlackTestClient slack) {
		SlackTestClient team = slack.inNewTeam();
		var response = team.viewSubmission("UPLAIN2", DigestSetupModal.CALLBACK_ID, "CSETUP4", validState());
		assertThat(response.body()).contains("\"response_action\":\"errors\"").contains("Only Legends admins");
		assertThat(this.schedules.find(workspaceId(team), "CSETUP4")).isEmpty();
	}

	@Test
	void setupWhenTeamManagerPicksTheirTeamSchedulesTeamDigest(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient workspace = slack.inNewTeam();
		Member manager = this.members.member(workspace.teamId(), "UMANAGER1");
		Member admin = this.members.member(workspace.teamId(), ADMIN);
		Team team = this.teams.save(new TeamChange(null, manager.getWorkspaceId(), "Platform", Set.of(manager.getId()),
				Set.of(manager.getId()), null, "CTEAM1"), admin);
		workspace.command("UMANAGER1", "digest setup", "CTEAM1");
		JsonObject view = fake.awaitCalls("views.open", 1, Duration.ofSeconds(5)).get(0).json("view").getAsJsonObject();
		assertThat(view.toString()).contains("Platform");
		var response = workspace.viewSubmission("UMANAGER1", DigestSetupModal.CALLBACK_ID, "CTEAM1",
				validState().select(DigestSetupModal.TEAM, DigestSetupModal.ACTION, String.valueOf(team.id())));
		assertThat(response.body()).doesNotContain("errors");
		assertThat(this.schedules.find(manager.getWorkspaceId(), "CTEAM1").orElseThrow().getTeamId())
			.isEqualTo(team.id());
		var refused = workspace.viewSubmission("UMANAGER1", DigestSetupModal.CALLBACK_ID, "CTEAM2",
				validState().select(DigestSetupModal.TEAM, DigestSetupModal.ACTION, "999999"));
		assertThat(refused.body()).contains("\"response_action\":\"errors\"").contains("teams you manage");
		assertThat(this.schedules.find(manager.getWorkspaceId(), "CTEAM2")).isEmpty();
	}

	@Test
	void reportButtonWhenClickedOpensTheOutcomeReportForm(SlackTestClient slack, FakeSlackApi fake) {
		slack.blockAction("UCLICK1", DigestBlocks.REPORT_ACTION, "week:2026-W47");
		SlackCall open = fake.awaitCalls("views.open", 1, Duration.ofSeconds(5)).get(0);
		assertThat(open.json("view").getAsJsonObject().get("callback_id").getAsString()).isEqualTo("outcome_report");
	}

	@Test
	void reportButtonWhenSlackRefusesTheFormExplainsHowToReport(SlackTestClient slack, FakeSlackApi fake) {
		fake.errorNext("views.open", "expired_trigger_id");
		slack.blockAction("UCLICK2", DigestBlocks.REPORT_ACTION, "nudge:2026-W48");
		SlackCall reply = fake.awaitCalls("response_url", 1, Duration.ofSeconds(5)).get(0);
		assertThat(reply.body()).contains("/legends report");
	}

	private long workspaceId(SlackTestClient team) {
		return this.members.workspace(team.teamId()).getId();
	}

	private static ViewState validState() {
		return ViewState.values()
			.select(DigestSetupModal.WEEKDAY, DigestSetupModal.ACTION, "TUESDAY")
			.time(DigestSetupModal.TIME, DigestSetupModal.ACTION, "08:30")
			.text(DigestSetupModal.TIMEZONE, DigestSetupModal.ACTION, "UTC")
			.checkboxes(DigestSetupModal.SECTIONS, DigestSetupModal.ACTION, "TOTALS", "CHART");
	}

}
