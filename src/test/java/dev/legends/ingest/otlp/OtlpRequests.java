package dev.legends.ingest.otlp;

import java.util.ArrayList;
import java.util.List;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;

/**
 * Builds OTLP metric exports shaped like Claude Code's, for tests.
 */
public final class OtlpRequests {

	/** 2026-11-23T09:00:00Z in epoch nanoseconds. */
	public static final long T0 = 1_795_424_400_000_000_000L;

	/** One minute in nanoseconds. */
	public static final long MINUTE = 60_000_000_000L;

	private final boolean cumulative;

	private final String email;

	private final List<NumberDataPoint> tokenPoints = new ArrayList<>();

	private final List<NumberDataPoint> costPoints = new ArrayList<>();

	private OtlpRequests(boolean cumulative, String email) {
		this.cumulative = cumulative;
		this.email = email;
	}

	public static OtlpRequests delta(String email) {
		return new OtlpRequests(false, email);
	}

	public static OtlpRequests cumulative(String email) {
		return new OtlpRequests(true, email);
	}

	/**
	 * Add a token point.
	 * @param type input, output, cacheRead or cacheCreation
	 * @param start start nanos
	 * @param time time nanos
	 * @param value tokens
	 * @return this
	 */
	public OtlpRequests tokens(String type, long start, long time, double value) {
		this.tokenPoints.add(point(start, time, value).addAttributes(attribute("type", type)).build());
		return this;
	}

	public OtlpRequests cost(long start, long time, double usd) {
		this.costPoints.add(point(start, time, usd).build());
		return this;
	}

	public ExportMetricsServiceRequest build() {
		ResourceMetrics.Builder resource = ResourceMetrics.newBuilder();
		resource.getResourceBuilder()
			.addAttributes(attribute("service.name", "claude-code"))
			.addAttributes(attribute("service.version", "2.0.14"))
			.addAttributes(attribute("os.type", "linux"));
		resource.addScopeMetricsBuilder()
			.setScope(io.opentelemetry.proto.common.v1.InstrumentationScope.newBuilder()
				.setName("com.anthropic.claude_code")
				.setVersion("2.0.14"))
			.addMetrics(sum(ClaudeCodeMetrics.TOKENS, "tokens", this.tokenPoints))
			.addMetrics(sum(ClaudeCodeMetrics.COST, "USD", this.costPoints))
			.addMetrics(sum("claude_code.session.count", "count", List.of()));
		return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(resource).build();
	}

	private Metric sum(String name, String unit, List<NumberDataPoint> points) {
		return Metric.newBuilder()
			.setName(name)
			.setUnit(unit)
			.setSum(Sum.newBuilder()
				.setIsMonotonic(true)
				.setAggregationTemporality(this.cumulative ? AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE
						: AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA)
				.addAllDataPoints(points))
			.build();
	}

	private NumberDataPoint.Builder point(long start, long time, double value) {
		NumberDataPoint.Builder point = NumberDataPoint.newBuilder()
			.setStartTimeUnixNano(start)
			.setTimeUnixNano(time)
			.setAsDouble(value)
			.addAttributes(attribute("session.id", "5f8c0b43-1d4e-4f0a-9a64-2d3b7c9e1a11"))
			.addAttributes(attribute("organization.id", "dc9f6c26-b22c-4831-8d01-0446bada88f1"))
			.addAttributes(attribute("user.account_uuid", "6a1e8f52-account"))
			.addAttributes(attribute("model", "claude-sonnet-4-5-20250929"));
		if (this.email != null) {
			point.addAttributes(attribute("user.email", this.email));
		}
		return point;
	}

	private static KeyValue attribute(String key, String value) {
		return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
	}

}
