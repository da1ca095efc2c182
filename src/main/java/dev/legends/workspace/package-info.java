/**
 * Workspaces and their members: Slack identity, email, timezone, roles, opt-out and
 * vacation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workspace", allowedDependencies = {})
package dev.legends.workspace;
