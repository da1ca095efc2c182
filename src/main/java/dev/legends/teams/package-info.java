/**
 * Teams, membership, managers and goals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Teams", allowedDependencies = { "workspace" })
package dev.legends.teams;
