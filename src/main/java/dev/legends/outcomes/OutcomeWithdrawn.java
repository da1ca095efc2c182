package dev.legends.outcomes;

/**
 * An outcome was withdrawn by its reporter.
 *
 * @param outcomeId the outcome
 * @param workspaceId the workspace
 * @param reporterId who reported and withdrew it
 */
public record OutcomeWithdrawn(Long outcomeId, Long workspaceId, Long reporterId) {

}
