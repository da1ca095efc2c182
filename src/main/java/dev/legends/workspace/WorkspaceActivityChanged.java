package dev.legends.workspace;

/**
 * Legends was uninstalled from a workspace (or its tokens revoked), or installed there
 * again: nothing may be sent for it while it is inactive, and scheduled work resumes when
 * it is active again.
 *
 * @param workspaceId the workspace id
 * @param active whether Legends is installed there now
 */
public record WorkspaceActivityChanged(Long workspaceId, boolean active) {

}
