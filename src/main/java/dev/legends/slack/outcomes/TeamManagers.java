package dev.legends.slack.outcomes;

import java.util.List;

import dev.legends.outcomes.ManagerDirectory;
import dev.legends.teams.Team;
import dev.legends.teams.Teams;

import org.springframework.stereotype.Component;

/**
 * Tells the outcomes module who manages a person: the managers of every team they are in
 * (wired here because {@code teams} and {@code outcomes} must not depend on each other).
 */
@Component
class TeamManagers implements ManagerDirectory {

	private final Teams teams;

	TeamManagers(Teams teams) {
		this.teams = teams;
	}

	@Override
	public List<Long> managersOf(Long workspaceId, Long memberId) {
		return this.teams.teamsOf(workspaceId, memberId)
			.stream()
			.map(Team::managerIds)
			.flatMap(java.util.Set::stream)
			.filter((managerId) -> !managerId.equals(memberId))
			.distinct()
			.sorted()
			.toList();
	}

}
