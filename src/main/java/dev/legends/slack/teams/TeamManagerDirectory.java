package dev.legends.slack.teams;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.legends.outcomes.ManagerDirectory;
import dev.legends.teams.Team;
import dev.legends.teams.Teams;

import org.springframework.stereotype.Component;

/**
 * Tells the outcomes module who manages a person: the managers of every team they are in,
 * so that confirmation requests go to them.
 */
@Component
class TeamManagerDirectory implements ManagerDirectory {

	private final Teams teams;

	TeamManagerDirectory(Teams teams) {
		this.teams = teams;
	}

	@Override
	public List<Long> managersOf(Long workspaceId, Long memberId) {
		Set<Long> managers = new LinkedHashSet<>();
		this.teams.teamsOf(memberId)
			.stream()
			.filter((team) -> team.workspaceId().equals(workspaceId))
			.map(Team::managerIds)
			.forEach(managers::addAll);
		managers.remove(memberId);
		return List.copyOf(managers);
	}

}
