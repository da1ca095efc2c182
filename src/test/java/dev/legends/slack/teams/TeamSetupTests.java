package dev.legends.slack.teams;

import java.net.http.HttpResponse;
import java.util.List;

import com.google.gson.JsonObject;
import dev.legends.teams.Team;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /legends team setup} and its modal: admins create teams, managers edit theirs,
 * anyone else is refused and nothing changes.
 */
@LegendsAppTest
class TeamSetupTests {

	@Autowired
	Teams teams;

	@Autowired
	Members members;

	@Test
	void teamSetupWhenAdminSubmitsModalStoresTeam(SlackTestClient client, FakeSlackApi fake) {
		SlackTestClient slack = client.inNewTeam();
		fake.addUser(SlackUser.of("USADA", "Ada Lovelace"));
		fake.addUser(SlackUser.of("USGRACE", "Grace Hopper"));
		slack.command(SlackTestClient.ADMIN_USER, "team setup Platform");
		JsonObject view = fake.calls("views.open").get(0).json("view").getAsJsonObject();
		assertThat(view.get("callback_id").getAsString()).isEqualTo("team_setup");
		assertThat(SlackMessages.visibleText(view.toString())).contains("Platform", "Members", "Managers");
		HttpResponse<String> response = slack.viewSubmission(SlackTestClient.ADMIN_USER, "team_setup", "",
				ViewState.values()
					.text("team_name", "name", "Platform")
					.users("team_members", "members", "USADA", "USGRACE")
					.users("team_managers", "managers", "USGRACE")
					.conversation("team_channel", "channel", "C0PLATFORM"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContain("errors");
		Team team = this.teams.findByName(workspaceId(slack), "platform").orElseThrow();
		assertThat(team.size()).isEqualTo(2);
		assertThat(team.isManagedBy(member(slack, "USGRACE").getId())).isTrue();
		assertThat(team.digestChannelId()).isEqualTo("C0PLATFORM");
		assertThat(fake.calls("chat.postMessage"))
			.anySatisfy((call) -> assertThat(call.param("channel")).isEqualTo(SlackTestClient.ADMIN_USER))
			.anySatisfy((call) -> assertThat(call.visibleText()).contains("Platform", "2 members", "Grace Hopper"));
	}

	@Test
	void teamSetupWhenManagerEditsPrefillsModalAndSavesChanges(SlackTestClient client, FakeSlackApi fake) {
		SlackTestClient slack = client.inNewTeam();
		Team team = createTeam(slack, "Data", List.of("UEMEM1", "UEMEM2"), List.of("UEMGR"));
		slack.command("UEMGR", "team setup");
		SlackCall open = fake.calls("views.open").get(0);
		JsonObject view = open.json("view").getAsJsonObject();
		assertThat(view.get("private_metadata").getAsString()).isEqualTo(team.id().toString());
		assertThat(view.toString()).contains("UEMEM1", "UEMEM2", "UEMGR", "Data");
		slack.viewSubmission("UEMGR", "team_setup", team.id().toString(),
				ViewState.values()
					.text("team_name", "name", "Data Science")
					.users("team_members", "members", "UEMEM1")
					.users("team_managers", "managers", "UEMGR"));
		Team edited = this.teams.find(team.id()).orElseThrow();
		assertThat(edited.name()).isEqualTo("Data Science");
		assertThat(edited.size()).isEqualTo(1);
	}

	@Test
	void teamSetupWhenForgedByNonAdminIsRefusedAndChangesNothing(SlackTestClient client, FakeSlackApi fake) {
		SlackTestClient slack = client.inNewTeam();
		assertThat(SlackMessages.visibleText(slack.command("UNOBODY", "team setup Rogue").body()))
			.contains("Only Legends admins can create teams");
		assertThat(fake.calls("views.open")).isEmpty();
		HttpResponse<String> forged = slack.viewSubmission("UNOBODY", "team_setup", "",
				ViewState.values()
					.text("team_name", "name", "Rogue")
					.users("team_members", "members", "UNOBODY")
					.users("team_managers", "managers", "UNOBODY"));
		assertThat(SlackMessages.visibleText(forged.body())).contains("Only Legends admins can create teams",
				"Nothing was saved");
		Team team = createTeam(slack, "Guarded", List.of("UGMEM"), List.of("UGMGR"));
		HttpResponse<String> replayed = slack.viewSubmission("UGMEM", "team_setup", team.id().toString(),
				ViewState.values()
					.text("team_name", "name", "Taken over")
					.users("team_members", "members", "UGMEM")
					.users("team_managers", "managers", "UGMEM"));
		assertThat(SlackMessages.visibleText(replayed.body())).contains("Nothing was saved");
		assertThat(this.teams.all(workspaceId(slack))).extracting(Team::name).containsExactly("Guarded");
		assertThat(this.teams.find(team.id()).orElseThrow().isManagedBy(member(slack, "UGMEM").getId())).isFalse();
	}

	@Test
	void teamSetupWhenFieldsMissingOrNameTakenAnswersErrorsByBlock(SlackTestClient client) {
		SlackTestClient slack = client.inNewTeam();
		createTeam(slack, "Web", List.of("UWMEM"), List.of("UWMGR"));
		HttpResponse<String> response = slack.viewSubmission(SlackTestClient.ADMIN_USER, "team_setup", "",
				ViewState.values().text("team_name", "name", "WEB"));
		assertThat(response.body()).contains("\"response_action\":\"errors\"", "team_name", "team_members",
				"team_managers");
		assertThat(this.teams.all(workspaceId(slack))).hasSize(1);
	}

	@Test
	void teamSetupWhenUsergroupGivenTakesMembersFromGroupAndSyncs(SlackTestClient client, FakeSlackApi fake) {
		SlackTestClient slack = client.inNewTeam();
		fake.setUsergroup("S0MOBILE", List.of("UGRP1", "UGRP2", "UGRP3"));
		HttpResponse<String> unknown = slack.viewSubmission(SlackTestClient.ADMIN_USER, "team_setup", "",
				ViewState.values()
					.text("team_name", "name", "Mobile")
					.text("team_usergroup", "usergroup", "S0NOSUCH")
					.users("team_managers", "managers", "UGRPMGR"));
		assertThat(unknown.body()).contains("team_usergroup", "read that user group");
		slack.viewSubmission(SlackTestClient.ADMIN_USER, "team_setup", "",
				ViewState.values()
					.text("team_name", "name", "Mobile")
					.text("team_usergroup", "usergroup", "S0MOBILE")
					.users("team_managers", "managers", "UGRPMGR"));
		Team team = this.teams.findByName(workspaceId(slack), "Mobile").orElseThrow();
		assertThat(team.usergroupId()).isEqualTo("S0MOBILE");
		assertThat(team.size()).isEqualTo(3);
		assertThat(fake.calls("usergroups.users.list")).isNotEmpty();
		fake.setUsergroup("S0MOBILE", List.of("UGRP1", "UGRP4"));
		this.teams.syncUsergroups();
		Team synced = this.teams.find(team.id()).orElseThrow();
		assertThat(synced.size()).isEqualTo(2);
		assertThat(synced.hasMember(member(slack, "UGRP4").getId())).isTrue();
		assertThat(synced.hasMember(member(slack, "UGRP2").getId())).isFalse();
	}

	private Team createTeam(SlackTestClient slack, String name, List<String> memberIds, List<String> managerIds) {
		return TeamFixtures.create(this.teams, this.members, slack, name, memberIds, managerIds);
	}

	private Member member(SlackTestClient slack, String userId) {
		return this.members.member(slack.teamId(), userId);
	}

	private Long workspaceId(SlackTestClient slack) {
		return this.members.workspace(slack.teamId()).getId();
	}

}
