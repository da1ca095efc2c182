package dev.legends.slack.outcomes;

import java.util.List;

import dev.legends.outcomes.OutcomeDetails;

/**
 * An outcome with what its messages need beside it: people's names and its points.
 *
 * @param outcome the outcome
 * @param reporterName the reporter's display name
 * @param collaboratorNames the collaborators' display names
 * @param fullPoints its points when confirmed (before sharing)
 * @param pendingPoints its points while unconfirmed (before sharing)
 */
record OutcomeCard(OutcomeDetails outcome, String reporterName, List<String> collaboratorNames, double fullPoints,
		double pendingPoints) {

}
