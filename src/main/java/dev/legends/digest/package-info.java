/**
 * Digest schedules on Quartz, digest content as plain records, and the delivery ledger
 * that makes every post happen exactly once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Digest",
		allowedDependencies = { "scoring", "teams", "workspace" })
package dev.legends.digest;
