/**
 * Usage records, pricing and rollups.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Usage",
		allowedDependencies = { "database", "workspace" })
package dev.legends.usage;
