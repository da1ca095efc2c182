/**
 * Usage records, pricing and rollups.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Usage", allowedDependencies = { "workspace" })
package dev.legends.usage;
