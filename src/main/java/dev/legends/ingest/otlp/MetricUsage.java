package dev.legends.ingest.otlp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.legends.usage.UsageInput;

/**
 * Turns usage metric points into usage records without double counting: a delta point is
 * an increment; a cumulative point counts only its increase over the last value seen of
 * its series (a lower value means the series restarted, so the whole value counts), and a
 * point not newer than the last one seen counts nothing. The token types and the cost of
 * one moment become one record, whose id is derived from the series and the time, so a
 * re-sent export is recognised as a duplicate.
 */
final class MetricUsage {

	static final String SOURCE = "claude-code-otel";

	private MetricUsage() {
	}

	/**
	 * The usage records an export adds.
	 * @param points the export's points
	 * @param state the last values of cumulative series, updated in place
	 * @return the records, possibly none
	 */
	static List<UsageInput> records(List<MetricPoint> points, SeriesState state) {
		Map<String, Increment> increments = new LinkedHashMap<>();
		List<MetricPoint> ordered = new ArrayList<>(points);
		ordered.sort(Comparator.comparingLong(MetricPoint::timeNanos));
		for (MetricPoint point : ordered) {
			double increase = point.value();
			long start = point.startNanos();
			if (point.cumulative()) {
				SeriesState.Last last = state.get(point.seriesKey());
				if (last != null && point.timeNanos() <= last.timeNanos()) {
					continue;
				}
				if (last != null && point.value() >= last.value()) {
					increase = point.value() - last.value();
					start = last.timeNanos();
				}
				state.put(point.seriesKey(), new SeriesState.Last(point.timeNanos(), point.value()));
			}
			if (increase > 0) {
				increments.computeIfAbsent(point.groupKey() + "@" + point.timeNanos(), (key) -> new Increment(point))
					.add(point, increase, start);
			}
		}
		return increments.values().stream().map(Increment::toUsage).toList();
	}

	private static Instant instant(long nanos) {
		return Instant.ofEpochSecond(0, nanos);
	}

	/**
	 * The increases of one group (person, model, session) at one time.
	 */
	private static final class Increment {

		private final MetricPoint first;

		private long startNanos;

		private final Map<String, Double> tokens = new LinkedHashMap<>();

		private double cost;

		private boolean hasCost;

		Increment(MetricPoint first) {
			this.first = first;
			this.startNanos = first.timeNanos();
		}

		void add(MetricPoint point, double increase, long start) {
			this.startNanos = Math.min(this.startNanos, start);
			if (point.isCost()) {
				this.cost += increase;
				this.hasCost = true;
			}
			else {
				this.tokens.merge(point.tokenType(), increase, Double::sum);
			}
		}

		UsageInput toUsage() {
			String id = "otel:"
					+ ClaudeCodeMetrics.hash(this.first.groupKey(), this.first.timeNanos(), this.startNanos);
			BigDecimal cost = this.hasCost ? BigDecimal.valueOf(this.cost).setScale(6, RoundingMode.HALF_UP) : null;
			return new UsageInput(id, this.first.user(), SOURCE,
					(this.first.model() != null) ? this.first.model() : "unknown", instant(this.startNanos),
					instant(this.first.timeNanos()), tokens("input"), tokens("output"), tokens("cacheRead"),
					tokens("cacheCreation"), 0, 0, cost);
		}

		private long tokens(String type) {
			return Math.round(this.tokens.getOrDefault(type, 0.0));
		}

	}

}
