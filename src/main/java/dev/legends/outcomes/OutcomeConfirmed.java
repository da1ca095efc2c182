package dev.legends.outcomes;

/**
 * An outcome was confirmed by a teammate or manager.
 *
 * @param outcomeId the outcome
 * @param workspaceId the workspace
 * @param reporterId who reported it
 * @param confirmerId who confirmed it
 */
public record OutcomeConfirmed(Long outcomeId, Long workspaceId, Long reporterId, Long confirmerId) {

}
