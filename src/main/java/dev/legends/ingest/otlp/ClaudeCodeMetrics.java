package dev.legends.ingest.otlp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.legends.usage.UsageBounds;
import dev.legends.usage.UsageIdentity;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;

/**
 * Picks Claude Code's usage metrics out of an OTLP export:
 * {@code claude_code.token.usage} (attribute {@code type} = input, output, cacheRead,
 * cacheCreation) and {@code claude_code.cost.usage} (USD). Other metrics are ignored.
 */
final class ClaudeCodeMetrics {

	static final String TOKENS = "claude_code.token.usage";

	static final String COST = "claude_code.cost.usage";

	static final Set<String> TOKEN_TYPES = Set.of("input", "output", "cacheRead", "cacheCreation");

	private ClaudeCodeMetrics() {
	}

	/**
	 * The usage points of an export.
	 * @param request the export
	 * @param fallback whose usage it is when the points carry no {@code user.email} or
	 * {@code user.account_uuid} (the ingest key's name)
	 * @return the points, in export order
	 */
	static List<MetricPoint> points(ExportMetricsServiceRequest request, UsageIdentity fallback) {
		List<MetricPoint> points = new ArrayList<>();
		for (ResourceMetrics resourceMetrics : request.getResourceMetricsList()) {
			Map<String, String> resource = attributes(resourceMetrics.getResource().getAttributesList());
			for (ScopeMetrics scope : resourceMetrics.getScopeMetricsList()) {
				for (Metric metric : scope.getMetricsList()) {
					if ((metric.getName().equals(TOKENS) || metric.getName().equals(COST)) && metric.hasSum()) {
						addPoints(points, metric, resource, fallback);
					}
				}
			}
		}
		return points;
	}

	private static void addPoints(List<MetricPoint> points, Metric metric, Map<String, String> resource,
			UsageIdentity fallback) {
		boolean cumulative = metric.getSum()
			.getAggregationTemporality() == AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
		for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
			Map<String, String> attributes = attributes(point.getAttributesList());
			String type = metric.getName().equals(TOKENS) ? attributes.get("type") : null;
			if (metric.getName().equals(TOKENS) && !TOKEN_TYPES.contains(type)) {
				continue;
			}
			double value = (point.getValueCase() == NumberDataPoint.ValueCase.AS_INT) ? point.getAsInt()
					: point.getAsDouble();
			String problem = UsageBounds.finite(value,
					metric.getName().equals(TOKENS) ? UsageBounds.MAX_TOKENS : UsageBounds.MAX_COST_USD.doubleValue());
			if (problem != null) {
				throw new OtlpDecodeException("a data point of " + metric.getName() + " (type " + type + ", model "
						+ attributes.get("model") + "): value " + problem + "; nothing of this export was stored");
			}
			Map<String, String> group = new TreeMap<>(attributes);
			group.remove("type");
			long time = point.getTimeUnixNano();
			long start = (point.getStartTimeUnixNano() > 0) ? point.getStartTimeUnixNano() : time;
			String seriesKey = hash(metric.getName(), resource, attributes, start);
			String groupKey = hash("claude_code", resource, group);
			points.add(new MetricPoint(seriesKey, groupKey, type, attributes.get("model"),
					identity(attributes, resource, fallback), start, time, value, cumulative));
		}
	}

	private static UsageIdentity identity(Map<String, String> attributes, Map<String, String> resource,
			UsageIdentity fallback) {
		for (Map<String, String> source : List.of(attributes, resource)) {
			String email = source.get("user.email");
			if (email != null && !email.isBlank()) {
				return UsageIdentity.email(email);
			}
		}
		for (Map<String, String> source : List.of(attributes, resource)) {
			String account = source.get("user.account_uuid");
			if (account != null && !account.isBlank()) {
				return new UsageIdentity(UsageIdentity.Kind.ACCOUNT_ID, account);
			}
		}
		return fallback;
	}

	private static Map<String, String> attributes(List<KeyValue> keyValues) {
		Map<String, String> attributes = new TreeMap<>();
		for (KeyValue keyValue : keyValues) {
			attributes.put(keyValue.getKey(), text(keyValue.getValue()));
		}
		return attributes;
	}

	private static String text(AnyValue value) {
		return switch (value.getValueCase()) {
			case STRING_VALUE -> value.getStringValue();
			case INT_VALUE -> Long.toString(value.getIntValue());
			case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
			case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
			default -> value.toString().strip();
		};
	}

	static String hash(Object... parts) {
		StringBuilder key = new StringBuilder();
		for (Object part : parts) {
			key.append(part).append('\u001f');
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(key.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 20);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
