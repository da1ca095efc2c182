/**
 * Periods, boards, efficiency with shrinkage, explanations and coaching flags.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scoring",
		allowedDependencies = { "database", "usage", "outcomes", "teams", "workspace" })
package dev.legends.scoring;
