package dev.legends.ingest.otlp;

import java.util.Map;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the OTLP/JSON encoding of an export metrics request (the protobuf JSON mapping
 * with OTLP's rules: lowerCamelCase keys, also accepting the proto field names; 64-bit
 * integers as strings or numbers; enums as integers or names) into the protobuf message.
 * Only what Legends uses is read: resource attributes and sum metrics.
 */
final class OtlpJson {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private OtlpJson() {
	}

	/**
	 * Decode a JSON request body.
	 * @param body the body
	 * @return the request
	 * @throws OtlpDecodeException when the body is not an OTLP/JSON metrics request
	 */
	static ExportMetricsServiceRequest parse(byte[] body) {
		JsonNode root;
		try {
			root = mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new OtlpDecodeException("not valid JSON: " + ex.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			throw new OtlpDecodeException("the body must be a JSON object with resourceMetrics");
		}
		ExportMetricsServiceRequest.Builder request = ExportMetricsServiceRequest.newBuilder();
		for (JsonNode resourceMetrics : array(root, "resourceMetrics", "resource_metrics")) {
			request.addResourceMetrics(resourceMetrics(resourceMetrics));
		}
		return request.build();
	}

	private static ResourceMetrics resourceMetrics(JsonNode node) {
		ResourceMetrics.Builder builder = ResourceMetrics.newBuilder();
		JsonNode resource = member(node, "resource", "resource");
		if (resource != null) {
			for (JsonNode attribute : array(resource, "attributes", "attributes")) {
				builder.getResourceBuilder().addAttributes(keyValue(attribute));
			}
		}
		for (JsonNode scope : array(node, "scopeMetrics", "scope_metrics")) {
			ScopeMetrics.Builder scopeMetrics = builder.addScopeMetricsBuilder();
			for (JsonNode metric : array(scope, "metrics", "metrics")) {
				scopeMetrics.addMetrics(metric(metric));
			}
		}
		return builder.build();
	}

	private static Metric metric(JsonNode node) {
		Metric.Builder metric = Metric.newBuilder()
			.setName(text(node, "name", "name"))
			.setUnit(text(node, "unit", "unit"));
		JsonNode sum = member(node, "sum", "sum");
		if (sum != null) {
			Sum.Builder builder = metric.getSumBuilder()
				.setAggregationTemporality(
						temporality(member(sum, "aggregationTemporality", "aggregation_temporality")));
			JsonNode monotonic = member(sum, "isMonotonic", "is_monotonic");
			builder.setIsMonotonic(monotonic != null && monotonic.asBoolean());
			for (JsonNode point : array(sum, "dataPoints", "data_points")) {
				builder.addDataPoints(point(point));
			}
		}
		return metric.build();
	}

	private static NumberDataPoint point(JsonNode node) {
		NumberDataPoint.Builder point = NumberDataPoint.newBuilder()
			.setStartTimeUnixNano(int64(member(node, "startTimeUnixNano", "start_time_unix_nano"), "startTimeUnixNano"))
			.setTimeUnixNano(int64(member(node, "timeUnixNano", "time_unix_nano"), "timeUnixNano"));
		for (JsonNode attribute : array(node, "attributes", "attributes")) {
			point.addAttributes(keyValue(attribute));
		}
		JsonNode asDouble = member(node, "asDouble", "as_double");
		JsonNode asInt = member(node, "asInt", "as_int");
		if (asDouble != null) {
			point.setAsDouble(asDouble.isNumber() ? asDouble.doubleValue() : number(asDouble, "asDouble"));
		}
		else if (asInt != null) {
			point.setAsInt(int64(asInt, "asInt"));
		}
		return point.build();
	}

	private static KeyValue keyValue(JsonNode node) {
		KeyValue.Builder keyValue = KeyValue.newBuilder().setKey(text(node, "key", "key"));
		JsonNode value = member(node, "value", "value");
		if (value != null) {
			keyValue.setValue(anyValue(value));
		}
		return keyValue.build();
	}

	private static AnyValue anyValue(JsonNode node) {
		AnyValue.Builder value = AnyValue.newBuilder();
		JsonNode member;
		if ((member = member(node, "stringValue", "string_value")) != null) {
			value.setStringValue(member.asString());
		}
		else if ((member = member(node, "intValue", "int_value")) != null) {
			value.setIntValue(int64(member, "intValue"));
		}
		else if ((member = member(node, "doubleValue", "double_value")) != null) {
			value.setDoubleValue(member.isNumber() ? member.doubleValue() : number(member, "doubleValue"));
		}
		else if ((member = member(node, "boolValue", "bool_value")) != null) {
			value.setBoolValue(member.asBoolean());
		}
		return value.build();
	}

	private static final Map<String, AggregationTemporality> TEMPORALITIES = Map.of("AGGREGATION_TEMPORALITY_DELTA",
			AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA, "AGGREGATION_TEMPORALITY_CUMULATIVE",
			AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE, "AGGREGATION_TEMPORALITY_UNSPECIFIED",
			AggregationTemporality.AGGREGATION_TEMPORALITY_UNSPECIFIED);

	private static AggregationTemporality temporality(JsonNode node) {
		if (node == null) {
			return AggregationTemporality.AGGREGATION_TEMPORALITY_UNSPECIFIED;
		}
		if (node.isIntegralNumber()) {
			AggregationTemporality temporality = AggregationTemporality.forNumber(node.intValue());
			if (temporality == null) {
				throw new OtlpDecodeException("unknown aggregationTemporality " + node);
			}
			return temporality;
		}
		AggregationTemporality temporality = TEMPORALITIES.get(node.asString());
		if (temporality == null) {
			throw new OtlpDecodeException("unknown aggregationTemporality " + node);
		}
		return temporality;
	}

	private static long int64(JsonNode node, String field) {
		if (node == null || node.isNull()) {
			return 0;
		}
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			return node.longValue();
		}
		if (node.isString() && node.asString().matches("-?\\d{1,19}")) {
			try {
				return Long.parseLong(node.asString());
			}
			catch (NumberFormatException ex) {
				// falls through to the error below
			}
		}
		throw new OtlpDecodeException(field + " must be a 64-bit integer, not " + node);
	}

	private static double number(JsonNode node, String field) {
		try {
			return Double.parseDouble(node.asString());
		}
		catch (NumberFormatException ex) {
			throw new OtlpDecodeException(field + " must be a number, not " + node);
		}
	}

	private static String text(JsonNode node, String name, String protoName) {
		JsonNode value = member(node, name, protoName);
		return (value != null) ? value.asString() : "";
	}

	private static JsonNode member(JsonNode node, String name, String protoName) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			value = node.get(protoName);
		}
		return (value == null || value.isNull()) ? null : value;
	}

	private static Iterable<JsonNode> array(JsonNode node, String name, String protoName) {
		JsonNode value = member(node, name, protoName);
		if (value == null) {
			return java.util.List.of();
		}
		if (!value.isArray()) {
			throw new OtlpDecodeException(name + " must be an array");
		}
		return value;
	}

}
