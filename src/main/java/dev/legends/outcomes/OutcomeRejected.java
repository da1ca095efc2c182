package dev.legends.outcomes;

/**
 * An outcome was rejected by a teammate or manager.
 *
 * @param outcomeId the outcome
 * @param workspaceId the workspace
 * @param reporterId who reported it
 * @param rejectedById who rejected it
 * @param reason the reason they gave
 */
public record OutcomeRejected(Long outcomeId, Long workspaceId, Long reporterId, Long rejectedById, String reason) {

}
