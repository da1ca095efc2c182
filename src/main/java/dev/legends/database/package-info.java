/**
 * The database as operators see it: commits that reach the disk before an answer, a
 * health check that writes, start-up failures reported in one line with their fix, and
 * pooled connections renewed after the database was closed under them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database", allowedDependencies = {})
package dev.legends.database;
