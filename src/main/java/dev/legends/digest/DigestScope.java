package dev.legends.digest;

/**
 * Whose figures a digest shows: a team, or everyone in the workspace.
 *
 * @param workspaceId the workspace
 * @param teamId the team, or {@code null} for the whole workspace
 */
public record DigestScope(long workspaceId, Long teamId) {

}
