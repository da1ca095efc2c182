package dev.legends.slack.teams;

import java.util.HashSet;
import java.util.Set;

import dev.legends.slack.home.HomePublisher;
import dev.legends.teams.GoalsChanged;
import dev.legends.teams.TeamSaved;
import dev.legends.teams.Teams;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Refreshes the App Home of a team's members and managers after its goals or its setup
 * changed.
 */
@Component
class TeamHomeRefresher {

	private final Teams teams;

	private final HomePublisher publisher;

	TeamHomeRefresher(Teams teams, HomePublisher publisher) {
		this.teams = teams;
		this.publisher = publisher;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(GoalsChanged event) {
		refresh(event.teamId());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(TeamSaved event) {
		refresh(event.teamId());
	}

	private void refresh(Long teamId) {
		this.teams.find(teamId).ifPresent((team) -> {
			Set<Long> people = new HashSet<>(team.memberIds());
			people.addAll(team.managerIds());
			this.publisher.publishLater(people);
		});
	}

}
