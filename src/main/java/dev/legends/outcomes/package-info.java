/**
 * Outcome reports, confirmation and rejection, anti-gaming rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outcomes", allowedDependencies = { "workspace" })
package dev.legends.outcomes;
