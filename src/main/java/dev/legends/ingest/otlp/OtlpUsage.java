package dev.legends.ingest.otlp;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.legends.ingest.IngestPrincipal;
import dev.legends.usage.IngestResult;
import dev.legends.usage.UsageBounds;
import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;
import dev.legends.usage.UsageLedger;
import dev.legends.workspace.RetryingTransactions;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;

import org.springframework.stereotype.Service;

/**
 * Stores the usage in an OTLP metrics export: the series' last values and the usage
 * records they add change together in one transaction, so an export is counted once even
 * when it is sent again.
 */
@Service
class OtlpUsage {

	private final UsageLedger ledger;

	private final SeriesStore series;

	private final RetryingTransactions transactions;

	OtlpUsage(UsageLedger ledger, SeriesStore series, RetryingTransactions transactions) {
		this.ledger = ledger;
		this.series = series;
		this.transactions = transactions;
	}

	/**
	 * Store an export's Claude Code usage.
	 * @param principal who sent it
	 * @param request the export
	 * @return what the ledger stored
	 */
	IngestResult store(IngestPrincipal principal, ExportMetricsServiceRequest request) {
		List<MetricPoint> points = ClaudeCodeMetrics.points(request, UsageIdentity.apiKeyName(principal.keyName()));
		if (points.isEmpty()) {
			return new IngestResult(0, 0, List.of());
		}
		// Two exports that meet a new cumulative series at once both find no last value;
		// the second to save it meets the first's row, and its next attempt counts only
		// the increase.
		return this.transactions.execute((status) -> store(principal, points));
	}

	private IngestResult store(IngestPrincipal principal, List<MetricPoint> points) {
		Set<String> cumulative = new LinkedHashSet<>();
		points.stream().filter(MetricPoint::cumulative).forEach((point) -> cumulative.add(point.seriesKey()));
		SeriesState state = this.series.load(principal.workspaceId(), cumulative);
		List<UsageInput> records = MetricUsage.records(points, state);
		for (UsageInput record : records) {
			List<UsageBounds.Problem> problems = UsageBounds.check(record);
			if (!problems.isEmpty()) {
				throw new OtlpDecodeException("the points of " + record.model() + " at " + record.end() + " add up to "
						+ problems.get(0).field() + " that " + problems.get(0).message()
						+ "; nothing of this export was stored");
			}
		}
		IngestResult result = this.ledger.ingest(principal.workspaceId(), records);
		this.series.save(principal.workspaceId(), state);
		return result;
	}

}
