package dev.legends.teams;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackTestClient;
import dev.legends.workspace.ChangeVersions;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@link Teams} and {@link Goals} API: membership, roles, name rules, goal history.
 */
@LegendsAppTest
class TeamsTests {

	@Autowired
	Teams teams;

	@Autowired
	Goals goals;

	@Autowired
	Members members;

	@Autowired
	ChangeVersions versions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void saveWhenAdminCreatesTeamFindsItByNameAndMember(SlackTestClient slack) {
		String workspace = slack.inNewTeam().teamId();
		Member admin = this.members.member(workspace, SlackTestClient.ADMIN_USER);
		Member ada = this.members.member(workspace, "UTADA");
		Member bob = this.members.member(workspace, "UTBOB");
		Team team = this.teams
			.save(change(null, admin, "Platform", Set.of(ada.getId(), bob.getId()), Set.of(bob.getId())), admin);
		assertThat(this.teams.findByName(admin.getWorkspaceId(), "  platform ")).contains(team);
		assertThat(this.teams.teamsOf(ada)).containsExactly(team);
		assertThat(this.teams.managedBy(bob)).containsExactly(team);
		assertThat(this.teams.isManager(bob)).isTrue();
		assertThat(this.teams.isManager(ada)).isFalse();
		assertThat(this.teams.membersOf(team.id())).containsExactlyInAnyOrder(ada.getId(), bob.getId());
	}

	@Test
	void saveWhenNameTakenIgnoringCaseIsRefused(SlackTestClient slack) {
		String workspace = slack.inNewTeam().teamId();
		Member admin = this.members.member(workspace, SlackTestClient.ADMIN_USER);
		this.teams.save(change(null, admin, "Data", Set.of(admin.getId()), Set.of(admin.getId())), admin);
		assertThat(this.teams.problems(change(null, admin, "DATA", Set.of(admin.getId()), Set.of(admin.getId()))))
			.containsKey(Teams.NAME);
	}

	@Test
	void saveWhenNotAdminCreatingTeamThrowsAndStoresNothing(SlackTestClient slack) {
		String workspace = slack.inNewTeam().teamId();
		Member someone = this.members.member(workspace, "UTNOBODY");
		assertThatExceptionOfType(NotPermittedException.class).isThrownBy(() -> this.teams
			.save(change(null, someone, "Mine", Set.of(someone.getId()), Set.of(someone.getId())), someone));
		assertThat(this.teams.all(someone.getWorkspaceId())).isEmpty();
	}

	@Test
	void syncUsergroupsWhenGroupChangedReplacesMembers(SlackTestClient slack, FakeSlackApi fake) {
		String workspace = slack.inNewTeam().teamId();
		Member admin = this.members.member(workspace, SlackTestClient.ADMIN_USER);
		fake.setUsergroup("STSYNC", List.of("UTG1", "UTG2"));
		Team team = this.teams.save(new TeamChange(null, admin.getWorkspaceId(), "Grouped", Set.of(),
				Set.of(admin.getId()), "STSYNC", null), admin);
		assertThat(team.size()).isEqualTo(2);
		fake.setUsergroup("STSYNC", List.of("UTG2", "UTG3", "UTG4"));
		this.teams.syncUsergroups();
		Member g3 = this.members.member(workspace, "UTG3");
		Member g1 = this.members.member(workspace, "UTG1");
		Team synced = this.teams.find(team.id()).orElseThrow();
		assertThat(synced.size()).isEqualTo(3);
		assertThat(synced.hasMember(g3.getId())).isTrue();
		assertThat(synced.hasMember(g1.getId())).isFalse();
	}

	@Test
	void setWhenManagerKeepsEveryChangeWithWhoAndWhen(SlackTestClient slack) {
		String workspace = slack.inNewTeam().teamId();
		Member admin = this.members.member(workspace, SlackTestClient.ADMIN_USER);
		Member lead = this.members.member(workspace, "UTLEAD");
		Team team = this.teams.save(change(null, admin, "Goals", Set.of(lead.getId()), Set.of(lead.getId())), admin);
		GoalDraft first = new GoalDraft(GoalPeriod.MONTH, 20, 5, null, null, this.goals.today());
		GoalDraft second = new GoalDraft(GoalPeriod.WEEK, 8, 3, new BigDecimal("12.50"), 60, this.goals.today());
		this.goals.set(team.id(), first, lead);
		this.goals.set(team.id(), second, lead);
		assertThat(this.goals.history(team.id())).hasSize(2)
			.allSatisfy((goal) -> assertThat(goal.setBy()).isEqualTo(lead.getId()));
		assertThat(this.goals.current(team.id())).hasValueSatisfying((goal) -> {
			assertThat(goal.targetPoints()).isEqualTo(8);
			assertThat(goal.maxCostPerPoint()).isEqualByComparingTo("12.50");
		});
		assertThatExceptionOfType(NotPermittedException.class)
			.isThrownBy(() -> this.goals.set(team.id(), first, admin));
		assertThat(this.goals.history(team.id())).hasSize(2);
	}

	/**
	 * A workspace's teams and goals are read once per team version: every change moves it
	 * in its transaction and shows at once; a change made on another instance shows as
	 * soon as the version it moved is read.
	 */
	@Test
	void teamsAndGoalsAreKeptPerTeamVersionAndShowEveryChangeAtOnce(SlackTestClient slack) {
		String workspace = slack.inNewTeam().teamId();
		Member admin = this.members.member(workspace, SlackTestClient.ADMIN_USER);
		Member ada = this.members.member(workspace, "UTKEPT1");
		Member bob = this.members.member(workspace, "UTKEPT2");
		Team team = this.teams.save(change(null, admin, "Kept", Set.of(ada.getId()), Set.of(bob.getId())), admin);
		assertThat(this.teams.teamsOf(ada)).containsExactly(team);
		assertThat(this.teams.teamsOf(bob)).isEmpty();
		assertThat(this.goals.progress(team).goal()).isNull();

		Team changed = this.teams
			.save(change(team.id(), admin, "Kept", Set.of(ada.getId(), bob.getId()), Set.of(bob.getId())), admin);
		assertThat(this.teams.teamsOf(bob)).as("a new member").containsExactly(changed);
		assertThat(this.teams.all(admin.getWorkspaceId())).containsExactly(changed);
		this.goals.set(team.id(), new GoalDraft(GoalPeriod.WEEK, 8, 3, null, null, this.goals.today()), bob);
		assertThat(this.goals.progress(changed).goal().targetPoints()).as("a new goal").isEqualTo(8);
		assertThat(this.teams.teamsOf(ada)).containsExactly(changed);

		// another instance's change: its rows, then the version its transaction moved
		this.jdbc.update("delete from team_member where team_id = ? and member_id = ?", team.id(), ada.getId());
		this.jdbc.update("delete from team_goal where team_id = ?", team.id());
		assertThat(this.teams.teamsOf(ada)).as("kept until the version moves").containsExactly(changed);
		assertThat(this.goals.progress(changed).goal()).as("kept until the version moves").isNotNull();
		this.versions.bumpTeams(admin.getWorkspaceId());
		assertThat(this.teams.teamsOf(ada)).isEmpty();
		assertThat(this.teams.managedBy(bob)).extracting(Team::memberIds).containsExactly(Set.of(bob.getId()));
		assertThat(this.goals.progress(changed).goal()).isNull();
	}

	private static TeamChange change(Long teamId, Member actor, String name, Set<Long> memberIds,
			Set<Long> managerIds) {
		return new TeamChange(teamId, actor.getWorkspaceId(), name, memberIds, managerIds, null, null);
	}

}
