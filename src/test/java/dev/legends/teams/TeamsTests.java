package dev.legends.teams;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackTestClient;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

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

	@Test
	void saveWhenAdminCreatesTeamFindsItByNameAndMember(SlackTestClient slack) {
		String workspace = slack.inNewTeam().teamId();
		Member admin = this.members.member(workspace, SlackTestClient.ADMIN_USER);
		Member ada = this.members.member(workspace, "UTADA");
		Member bob = this.members.member(workspace, "UTBOB");
		Team team = this.teams
			.save(change(null, admin, "Platform", Set.of(ada.getId(), bob.getId()), Set.of(bob.getId())), admin);
		assertThat(this.teams.findByName(admin.getWorkspaceId(), "  platform ")).contains(team);
		assertThat(this.teams.teamsOf(ada.getId())).containsExactly(team);
		assertThat(this.teams.managedBy(bob.getId())).containsExactly(team);
		assertThat(this.teams.isManager(bob.getId())).isTrue();
		assertThat(this.teams.isManager(ada.getId())).isFalse();
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

	private static TeamChange change(Long teamId, Member actor, String name, Set<Long> memberIds,
			Set<Long> managerIds) {
		return new TeamChange(teamId, actor.getWorkspaceId(), name, memberIds, managerIds, null, null);
	}

}
