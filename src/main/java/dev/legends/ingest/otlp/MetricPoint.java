package dev.legends.ingest.otlp;

import dev.legends.usage.UsageIdentity;

/**
 * One data point of a Claude Code usage metric, with the keys that tie it to its series
 * (for cumulative temporality) and to the other token types of the same moment.
 *
 * @param seriesKey resource, metric, all attributes and start time: one cumulative series
 * @param groupKey resource and attributes without the token {@code type}: the points that
 * make one usage record
 * @param tokenType {@code input}, {@code output}, {@code cacheRead},
 * {@code cacheCreation}, or {@code null} for a cost point
 * @param model the {@code model} attribute, or {@code null}
 * @param user whose usage it is
 * @param startNanos the start of the point's interval (epoch nanoseconds)
 * @param timeNanos the point's time (epoch nanoseconds)
 * @param value the value (tokens, or USD for cost)
 * @param cumulative whether the value is a running total since {@code startNanos}
 */
record MetricPoint(String seriesKey, String groupKey, String tokenType, String model, UsageIdentity user,
		long startNanos, long timeNanos, double value, boolean cumulative) {

	boolean isCost() {
		return this.tokenType == null;
	}

}
