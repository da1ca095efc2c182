package dev.legends.outcomes;

/**
 * An unconfirmed outcome was edited by its reporter (its size, date or collaborators may
 * have changed).
 *
 * @param outcomeId the outcome
 * @param workspaceId the workspace
 * @param reporterId who reported and edited it
 */
public record OutcomeEdited(Long outcomeId, Long workspaceId, Long reporterId) {

}
