package dev.legends.slack.teams;

import java.util.HashSet;
import java.util.Set;

import dev.legends.outcomes.OutcomeConfirmed;
import dev.legends.outcomes.OutcomeRejected;
import dev.legends.slack.home.HomePublisher;
import dev.legends.teams.Teams;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Refreshes App Home after an outcome was confirmed or rejected: the reporter's week and
 * their teams' goal progress (shown to the managers) changed.
 */
@Component
class OutcomeHomeRefresher {

	private final Teams teams;

	private final HomePublisher publisher;

	OutcomeHomeRefresher(Teams teams, HomePublisher publisher) {
		this.teams = teams;
		this.publisher = publisher;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(OutcomeConfirmed event) {
		refresh(event.workspaceId(), event.reporterId(), event.confirmerId());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(OutcomeRejected event) {
		refresh(event.workspaceId(), event.reporterId(), null);
	}

	private void refresh(Long workspaceId, Long reporterId, Long deciderId) {
		Set<Long> people = new HashSet<>();
		people.add(reporterId);
		if (deciderId != null) {
			people.add(deciderId);
		}
		this.teams.teamsOf(workspaceId, reporterId).forEach((team) -> people.addAll(team.managerIds()));
		this.publisher.publishLater(people);
	}

}
