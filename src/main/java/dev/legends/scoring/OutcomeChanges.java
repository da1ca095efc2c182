package dev.legends.scoring;

import dev.legends.outcomes.OutcomeConfirmed;
import dev.legends.outcomes.OutcomeEdited;
import dev.legends.outcomes.OutcomeRejected;
import dev.legends.outcomes.OutcomeReported;
import dev.legends.outcomes.OutcomeWithdrawn;
import dev.legends.workspace.ChangeVersions;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Bumps a workspace's change version in the transaction of every outcome change, so that
 * every instance's cached boards of that workspace are recomputed before they are used
 * again.
 */
@Component
class OutcomeChanges {

	private final ChangeVersions versions;

	OutcomeChanges(ChangeVersions versions) {
		this.versions = versions;
	}

	@EventListener
	void on(OutcomeReported event) {
		this.versions.bump(event.workspaceId());
	}

	@EventListener
	void on(OutcomeConfirmed event) {
		this.versions.bump(event.workspaceId());
	}

	@EventListener
	void on(OutcomeRejected event) {
		this.versions.bump(event.workspaceId());
	}

	@EventListener
	void on(OutcomeWithdrawn event) {
		this.versions.bump(event.workspaceId());
	}

	@EventListener
	void on(OutcomeEdited event) {
		this.versions.bump(event.workspaceId());
	}

}
