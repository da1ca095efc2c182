package dev.legends.outcomes;

/**
 * An outcome was reported.
 *
 * @param outcomeId the outcome
 * @param workspaceId the workspace
 * @param reporterId who reported it
 */
public record OutcomeReported(Long outcomeId, Long workspaceId, Long reporterId) {

}
