package dev.legends.ingest.otlp;

import java.nio.charset.StandardCharsets;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OtlpJsonTests {

	@Test
	void parseWhenOtlpJsonReadsSumPointsAndAttributes() {
		String json = """
				{"resourceMetrics":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"claude-code"}}]},
				 "scopeMetrics":[{"scope":{"name":"com.anthropic.claude_code"},"metrics":[
				  {"name":"claude_code.token.usage","unit":"tokens","sum":{"aggregationTemporality":1,"isMonotonic":true,
				   "dataPoints":[{"attributes":[{"key":"type","value":{"stringValue":"input"}},
				                                {"key":"count","value":{"intValue":"3"}}],
				     "startTimeUnixNano":"1795424400000000000","timeUnixNano":1795424460000000000,"asDouble":1200},
				    {"attributes":[],"startTimeUnixNano":"1795424400000000000","timeUnixNano":"1795424460000000000","asInt":"7"}]}}]}]}]}
				""";
		ExportMetricsServiceRequest request = OtlpJson.parse(json.getBytes(StandardCharsets.UTF_8));
		var metric = request.getResourceMetrics(0).getScopeMetrics(0).getMetrics(0);
		assertThat(request.getResourceMetrics(0).getResource().getAttributes(0).getValue().getStringValue())
			.isEqualTo("claude-code");
		assertThat(metric.getName()).isEqualTo("claude_code.token.usage");
		assertThat(metric.getSum().getAggregationTemporality())
			.isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA);
		NumberDataPoint point = metric.getSum().getDataPoints(0);
		assertThat(point.getAsDouble()).isEqualTo(1200.0);
		assertThat(point.getStartTimeUnixNano()).isEqualTo(1795424400000000000L);
		assertThat(point.getTimeUnixNano()).isEqualTo(1795424460000000000L);
		assertThat(point.getAttributes(1).getValue().getIntValue()).isEqualTo(3);
		assertThat(metric.getSum().getDataPoints(1).getAsInt()).isEqualTo(7);
	}

	@Test
	void parseWhenProtoFieldNamesAndEnumNamesReadsThemToo() {
		String json = """
				{"resource_metrics":[{"scope_metrics":[{"metrics":[{"name":"claude_code.cost.usage",
				 "sum":{"aggregation_temporality":"AGGREGATION_TEMPORALITY_CUMULATIVE",
				  "data_points":[{"time_unix_nano":"5","as_double":0.5}]}}]}]}]}
				""";
		var metric = OtlpJson.parse(json.getBytes(StandardCharsets.UTF_8))
			.getResourceMetrics(0)
			.getScopeMetrics(0)
			.getMetrics(0);
		assertThat(metric.getSum().getAggregationTemporality())
			.isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
		assertThat(metric.getSum().getDataPoints(0).getAsDouble()).isEqualTo(0.5);
	}

	@Test
	void parseWhenNotJsonFails() {
		assertThatExceptionOfType(OtlpDecodeException.class)
			.isThrownBy(() -> OtlpJson.parse("{\"resourceMetrics\": [".getBytes(StandardCharsets.UTF_8)));
		assertThatExceptionOfType(OtlpDecodeException.class).isThrownBy(() -> OtlpJson.parse(
				"{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"sum\":{\"dataPoints\":[{\"timeUnixNano\":\"soon\"}]}}]}]}]}"
					.getBytes(StandardCharsets.UTF_8)));
	}

}
