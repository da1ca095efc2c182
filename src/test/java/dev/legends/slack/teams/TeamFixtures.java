package dev.legends.slack.teams;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.legends.teams.Team;
import dev.legends.teams.TeamChange;
import dev.legends.teams.Teams;
import dev.legends.testkit.SlackTestClient;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;

/**
 * Creates teams directly through the {@link Teams} API, as the test workspace's admin.
 */
final class TeamFixtures {

	private TeamFixtures() {
	}

	static Team create(Teams teams, Members members, SlackTestClient slack, String name, List<String> memberUserIds,
			List<String> managerUserIds) {
		Member admin = members.member(slack.teamId(), SlackTestClient.ADMIN_USER);
		return teams.save(new TeamChange(null, admin.getWorkspaceId(), name, ids(members, slack, memberUserIds),
				ids(members, slack, managerUserIds), null, null), admin);
	}

	private static Set<Long> ids(Members members, SlackTestClient slack, List<String> userIds) {
		Set<Long> ids = new LinkedHashSet<>();
		userIds.forEach((userId) -> ids.add(members.member(slack.teamId(), userId).getId()));
		return ids;
	}

}
