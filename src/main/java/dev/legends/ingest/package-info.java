/**
 * The usage ingestion API, importers per source format, OTLP receiver and ingest keys.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ingest",
		allowedDependencies = { "database", "usage", "workspace" })
package dev.legends.ingest;
