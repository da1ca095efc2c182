package dev.legends.teams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every team of one workspace, as read at one team version, and the teams each person is
 * in or manages (each list by name, like {@link Teams#all}).
 *
 * @param all the teams, by name
 * @param byMember the teams each person is a member of
 * @param byManager the teams each person manages
 */
record TeamIndex(List<Team> all, Map<Long, List<Team>> byMember, Map<Long, List<Team>> byManager) {

	static TeamIndex of(List<Team> all) {
		Map<Long, List<Team>> byMember = new HashMap<>();
		Map<Long, List<Team>> byManager = new HashMap<>();
		for (Team team : all) {
			team.memberIds().forEach((id) -> byMember.computeIfAbsent(id, (key) -> new ArrayList<>()).add(team));
			team.managerIds().forEach((id) -> byManager.computeIfAbsent(id, (key) -> new ArrayList<>()).add(team));
		}
		return new TeamIndex(List.copyOf(all), Map.copyOf(byMember), Map.copyOf(byManager));
	}

	List<Team> memberOf(Long memberId) {
		return List.copyOf(this.byMember.getOrDefault(memberId, List.of()));
	}

	List<Team> managedBy(Long memberId) {
		return List.copyOf(this.byManager.getOrDefault(memberId, List.of()));
	}

}
