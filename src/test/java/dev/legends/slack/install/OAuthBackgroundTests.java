package dev.legends.slack.install;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import com.google.gson.JsonObject;
import dev.legends.digest.DigestSchedule;
import dev.legends.digest.DigestSchedules;
import dev.legends.digest.DigestSection;
import dev.legends.digest.ScheduleSettings;
import dev.legends.outcomes.OutcomeDetails;
import dev.legends.outcomes.OutcomeDraft;
import dev.legends.outcomes.OutcomeKind;
import dev.legends.outcomes.OutcomeSize;
import dev.legends.outcomes.Outcomes;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.IngestClient;
import dev.legends.testkit.SlackCall;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import dev.legends.testkit.ViewState;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Legends sends on its own in OAuth mode (digests on their schedule and
 * {@code digest now}, their charts, DMs after a report, an owner's DM) goes out with the
 * installation's own token, for two workspaces and an Enterprise Grid org side by side;
 * after an uninstall the schedules are paused and nothing is even attempted, and a
 * reinstall resumes them.
 */
@OAuthAppTest
class OAuthBackgroundTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	Members members;

	@Autowired
	Outcomes outcomes;

	@Autowired
	DigestSchedules schedules;

	@Autowired
	Scheduler scheduler;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void digestNowWhenTwoWorkspacesAndAnOrgPostsEachWithItsTokenItsPeopleAndItsChart(SlackTestClient slack,
			FakeSlackApi fake) {
		List<Install> installs = List.of(workspace(slack, fake), workspace(slack, fake), org(slack, fake));
		for (Install install : installs) {
			fake.setChannelMembers(install.channel(), people(fake, install));
			confirmedOutcome(install);
			install.client().command(install.admin(), "digest now", install.channel());
		}
		for (Install install : installs) {
			SlackCall post = awaitPost(fake, install.channel());
			assertThat(post.token()).isEqualTo(install.token(fake));
			assertThat(post.param("text")).contains("1 confirmed outcome");
			assertThat(post.param("blocks")).contains("Ines " + install.key());
			installs.stream()
				.filter((other) -> other != install)
				.forEach((other) -> assertThat(post.param("blocks")).doesNotContain(other.key()));
			assertThat(awaitChart(fake, install.channel()).token()).isEqualTo(install.token(fake));
			assertThat(fake.calls((call) -> call.method().equals("conversations.members")
					&& install.channel().equals(call.param("channel"))))
				.extracting(SlackCall::token)
				.containsOnly(install.token(fake));
		}
		assertThat(fake.calls("files.getUploadURLExternal")).extracting(SlackCall::token)
			.containsAll(installs.stream().map((install) -> install.token(fake)).toList());
	}

	@Test
	void scheduledDigestWhenFiredPostsWithItsInstallationsTokenAndOwnerDmToo(SlackTestClient slack, FakeSlackApi fake)
			throws Exception {
		List<Install> installs = List.of(workspace(slack, fake), workspace(slack, fake), org(slack, fake));
		List<DigestSchedule> active = new ArrayList<>();
		for (Install install : installs) {
			active.add(schedule(install));
		}
		Install broken = installs.get(2);
		fake.failChannel(broken.channel(), "not_in_channel");
		for (DigestSchedule schedule : active) {
			this.scheduler.triggerJob(jobKey(schedule));
		}
		for (Install install : installs.subList(0, 2)) {
			assertThat(awaitPost(fake, install.channel()).token()).isEqualTo(install.token(fake));
		}
		SlackCall ownerDm = awaitPost(fake, broken.admin());
		assertThat(ownerDm.token()).isEqualTo(broken.token(fake));
		assertThat(ownerDm.visibleText()).contains("not a member");
	}

	@Test
	void reportWhenSubmittedInEachInstallationSendsItsDmsWithThatInstallationsToken(SlackTestClient slack,
			FakeSlackApi fake) {
		List<Install> installs = List.of(workspace(slack, fake), workspace(slack, fake), org(slack, fake));
		for (Install install : installs) {
			String reporter = "UREP" + install.key();
			fake.addUser(SlackUser.of(reporter, "Reporter " + install.key()));
			fake.addUser(SlackUser.of(install.confirmer(), "Confirmer " + install.key()));
			assertThat(install.client()
				.viewSubmission(reporter, "outcome_report", "c=C0REPORTS;e=",
						report("Shipped in " + install.key(), install.confirmer()))
				.statusCode()).isEqualTo(200);
		}
		for (Install install : installs) {
			SlackCall request = awaitPost(fake, "D" + install.confirmer());
			assertThat(request.token()).isEqualTo(install.token(fake));
			assertThat(request.visibleText()).contains("Reporter " + install.key());
			assertThat(awaitPost(fake, "DUREP" + install.key()).token()).isEqualTo(install.token(fake));
		}
		// the org's people stay in its one workspace, also for the DMs' background work
		assertThat(this.jdbc.queryForObject("select count(*) from workspace where slack_team_id = ?", Integer.class,
				installs.get(2).client().teamId()))
			.isZero();
	}

	@Test
	void ingestWhenOrgAndWorkspaceKeysUsedMatchesPeopleInTheBackgroundWithEachInstallationsToken(SlackTestClient slack,
			FakeSlackApi fake) {
		List<Install> installs = List.of(org(slack, fake), workspace(slack, fake));
		for (Install install : installs) {
			String email = "dev@" + install.key().toLowerCase() + ".example.com";
			fake.addUser(new SlackUser("UDEV" + install.key(), "Dev " + install.key(), email, "UTC", false));
			IngestClient ingest = IngestClient.withNewKey(install.client(), "agents");
			assertThat(ingest
				.postJson("/api/v1/usage", "{\"records\":[{\"id\":\"r-" + install.key() + "\",\"user\":{\"email\":\""
						+ email + "\"},\"source\":\"claude-code\","
						+ "\"model\":\"claude-sonnet-4-5\",\"start\":\"2026-11-24T10:00:00Z\","
						+ "\"end\":\"2026-11-24T10:01:00Z\",\"input_tokens\":3,\"output_tokens\":2,\"requests\":1}]}")
				.statusCode()).isEqualTo(200);
		}
		for (Install install : installs) {
			SlackCall lookup = await(fake, "users.lookupByEmail", "email",
					"dev@" + install.key().toLowerCase() + ".example.com");
			assertThat(lookup.token()).isEqualTo(install.token(fake));
			assertThat(awaitMember(install.key(), "UDEV" + install.key())).isOne();
		}
		Install org = installs.get(0);
		assertThat(this.jdbc.queryForObject("select count(*) from workspace where slack_team_id = ?", Integer.class,
				org.client().teamId()))
			.isZero();
	}

	@Test
	void bootstrapKeyWhenOAuthModeIsRefusedWithWhatToDoInstead(SlackTestClient slack, FakeSlackApi fake) {
		Install install = workspace(slack, fake);
		int before = fake.calls().size();
		IngestClient bootstrap = new IngestClient(install.client().baseUrl(), OAuthAppTest.BOOTSTRAP_KEY);
		HttpResponse<String> batch = bootstrap.postJson("/api/v1/usage", "{\"records\":[]}");
		assertThat(batch.statusCode()).isEqualTo(401);
		assertThat(batch.body()).contains("LEGENDS_INGEST_KEY works only when Legends serves one workspace")
			.contains("/legends key create");
		assertThat(bootstrap.get("/api/v1/usage/summary").statusCode()).isEqualTo(401);
		assertThat(bootstrap.postJson("/otlp/v1/metrics", "{\"resourceMetrics\":[]}").statusCode()).isEqualTo(401);
		assertThat(fake.calls().subList(before, fake.calls().size())).isEmpty();
		IngestClient own = IngestClient.withNewKey(install.client(), "own");
		assertThat(own.postJson("/api/v1/usage", "{\"records\":[]}").statusCode()).isEqualTo(200);
	}

	@Test
	void uninstallWhenScheduledPausesTriggersSendsNothingAndReinstallResumes(SlackTestClient slack, FakeSlackApi fake)
			throws Exception {
		Install install = workspace(slack, fake);
		Install other = workspace(slack, fake);
		DigestSchedule schedule = schedule(install);
		DigestSchedule otherSchedule = schedule(other);
		JsonObject event = new JsonObject();
		event.addProperty("type", "app_uninstalled");
		assertThat(install.client().event(event).statusCode()).isEqualTo(200);
		assertThat(triggerState(schedule)).isEqualTo(Trigger.TriggerState.PAUSED);
		assertThat(triggerState(otherSchedule)).isEqualTo(Trigger.TriggerState.NORMAL);

		int before = fake.calls().size();
		this.scheduler.triggerJob(jobKey(schedule));
		this.scheduler.triggerJob(jobKey(otherSchedule));
		awaitPost(fake, other.channel());
		Thread.sleep(1000);
		List<SlackCall> after = fake.calls().subList(before, fake.calls().size());
		assertThat(after).noneMatch((call) -> install.channel().equals(call.param("channel"))
				|| (call.token() != null && call.token().startsWith("xoxb-" + install.key())));

		slack.install(fake.oauth().approveWorkspace(install.key(), "UINSTALLER"));
		assertThat(triggerState(schedule)).isEqualTo(Trigger.TriggerState.NORMAL);
		this.scheduler.triggerJob(jobKey(schedule));
		assertThat(awaitPost(fake, install.channel()).token()).isEqualTo(install.token(fake))
			.isNotEqualTo(fake.oauth().tokensOf(install.key()).get(0));
	}

	private Install workspace(SlackTestClient slack, FakeSlackApi fake) {
		String team = OAuthInstallTests.newId("T");
		assertThat(slack.install(fake.oauth().approveWorkspace(team, "UINSTALLER")).statusCode()).isEqualTo(200);
		return new Install(team, slack.inTeam(team), admin(fake, team));
	}

	private Install org(SlackTestClient slack, FakeSlackApi fake) {
		String org = OAuthInstallTests.newId("E");
		assertThat(slack.install(fake.oauth().approveOrg(org, "WORGADMIN")).statusCode()).isEqualTo(200);
		return new Install(org, slack.inOrg(org, OAuthInstallTests.newId("T"), true), admin(fake, org));
	}

	private static String admin(FakeSlackApi fake, String key) {
		String id = "UADM" + key;
		fake.addUser(new SlackUser(id, "Admin " + key, id.toLowerCase() + "@example.com", "UTC", true));
		return id;
	}

	/** Five people of the installation, all in its channel with the admin. */
	private List<String> people(FakeSlackApi fake, Install install) {
		List<String> ids = new ArrayList<>(List.of(install.admin()));
		for (String name : List.of("Ines", "Bo", "Cy", "Di", "Eve")) {
			String id = "U" + name.toUpperCase() + install.key();
			fake.addUser(SlackUser.of(id, name + " " + install.key()));
			this.members.member(install.key(), id);
			ids.add(id);
		}
		return ids;
	}

	private void confirmedOutcome(Install install) {
		Member ines = this.members.member(install.key(), "UINES" + install.key());
		Member bo = this.members.member(install.key(), "UBO" + install.key());
		OutcomeDetails outcome = this.outcomes.report(ines.getId(),
				new OutcomeDraft(OutcomeKind.PR_MERGED, "Shipped " + install.key(), null, OutcomeSize.M,
						LocalDate.now(ZoneOffset.UTC), List.of(), bo.getId(), null));
		this.outcomes.confirm(outcome.id(), bo.getId());
	}

	private DigestSchedule schedule(Install install) {
		Member owner = this.members.member(install.key(), install.admin());
		return this.schedules.save(owner.getWorkspaceId(), install.channel(),
				new ScheduleSettings(null, DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneOffset.UTC,
						EnumSet.allOf(DigestSection.class), owner.getId()));
	}

	private static ViewState report(String title, String confirmer) {
		// the report modal's block and action ids
		return ViewState.values()
			.select("kind", "kind_select", "PR_MERGED")
			.text("title", "title_input", title)
			.url("link", "link_input", null)
			.select("size", "size_select", "M")
			.date("date", "date_picker", LocalDate.now(ZoneOffset.UTC))
			.users("collaborators", "collaborators_select")
			.user("confirmer", "confirmer_select", confirmer)
			.text("notes", "notes_input", null);
	}

	private static JobKey jobKey(DigestSchedule schedule) {
		return JobKey.jobKey("digest-" + schedule.getId(), "digest");
	}

	private Trigger.TriggerState triggerState(DigestSchedule schedule) throws Exception {
		return this.scheduler.getTriggerState(TriggerKey.triggerKey("digest-" + schedule.getId(), "digest"));
	}

	/** Waits until the person is a member of the installation's workspace. */
	private int awaitMember(String key, String userId) {
		Instant deadline = Instant.now().plus(WAIT);
		int found = 0;
		while (found == 0 && Instant.now().isBefore(deadline)) {
			found = this.jdbc.queryForObject("select count(*) from member m join workspace w on w.id = m.workspace_id "
					+ "where w.slack_team_id = ? and m.slack_user_id = ?", Integer.class, key, userId);
			sleep();
		}
		return found;
	}

	private static void sleep() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static SlackCall awaitPost(FakeSlackApi fake, String channel) {
		return await(fake, "chat.postMessage", "channel", channel);
	}

	private static SlackCall awaitChart(FakeSlackApi fake, String channel) {
		return await(fake, "files.completeUploadExternal", "channel_id", channel);
	}

	private static SlackCall await(FakeSlackApi fake, String method, String param, String value) {
		Instant deadline = Instant.now().plus(WAIT);
		while (Instant.now().isBefore(deadline)) {
			List<SlackCall> calls = fake
				.calls((call) -> call.method().equals(method) && value.equals(call.param(param)));
			if (!calls.isEmpty()) {
				return calls.get(0);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new AssertionError("No " + method + " with " + param + "=" + value);
	}

	/**
	 * One installation: a workspace (key = team id) or an org-wide install (key =
	 * enterprise id), with a client sending its requests and an admin.
	 */
	private record Install(String key, SlackTestClient client, String admin) {

		String channel() {
			return "CDIG" + this.key;
		}

		String confirmer() {
			return "UCONF" + this.key;
		}

		String token(FakeSlackApi fake) {
			return fake.oauth().tokenOf(this.key);
		}

	}

}
