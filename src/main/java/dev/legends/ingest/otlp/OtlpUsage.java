package dev.legends.ingest.otlp;

import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

import dev.legends.ingest.IngestPrincipal;
import dev.legends.usage.IngestResult;
import dev.legends.usage.UsageBounds;
import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;
import dev.legends.usage.UsageLedger;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;

import org.springframework.stereotype.Service;

/**
 * Stores the usage in an OTLP metrics export: the series' last values and the usage
 * records they add change together in one transaction, so an export is counted once even
 * when it is sent again. Exports of the same cumulative series are computed one after the
 * other (a lock per series stripe, held without a database connection while the export
 * waits for its group commit); delta exports need no lock at all.
 */
@Service
class OtlpUsage {

	private static final int STRIPES = 256;

	private final UsageLedger ledger;

	private final SeriesStore series;

	private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

	OtlpUsage(UsageLedger ledger, SeriesStore series) {
		this.ledger = ledger;
		this.series = series;
		for (int i = 0; i < STRIPES; i++) {
			this.stripes[i] = new ReentrantLock();
		}
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
		TreeSet<Integer> locks = new TreeSet<>();
		points.stream()
			.filter(MetricPoint::cumulative)
			.forEach((point) -> locks.add(Math.floorMod(point.seriesKey().hashCode(), STRIPES)));
		if (locks.isEmpty()) {
			return this.ledger.ingest(principal.workspaceId(),
					checkBounds(MetricUsage.records(points, SeriesState.none())));
		}
		locks.forEach((stripe) -> this.stripes[stripe].lock());
		try {
			return storeCumulative(principal.workspaceId(), points);
		}
		finally {
			locks.descendingSet().forEach((stripe) -> this.stripes[stripe].unlock());
		}
	}

	/**
	 * Refuse an export whose points add up to records past the usage bounds: nothing of
	 * it is stored.
	 */
	private static List<UsageInput> checkBounds(List<UsageInput> records) {
		for (UsageInput record : records) {
			List<UsageBounds.Problem> problems = UsageBounds.check(record);
			if (!problems.isEmpty()) {
				throw new OtlpDecodeException("the points of " + record.model() + " at " + record.end() + " add up to "
						+ problems.get(0).field() + " that " + problems.get(0).message()
						+ "; nothing of this export was stored");
			}
		}
		return records;
	}

	private IngestResult storeCumulative(Long workspaceId, List<MetricPoint> points) {
		TreeSet<String> cumulative = new TreeSet<>();
		points.stream().filter(MetricPoint::cumulative).forEach((point) -> cumulative.add(point.seriesKey()));
		SeriesState state = this.series.load(workspaceId, cumulative);
		List<UsageInput> records = MetricUsage.records(points, state);
		checkBounds(records);
		IngestResult result = this.ledger.ingest(workspaceId, records, () -> this.series.save(workspaceId, state));
		this.series.committed(workspaceId, state);
		return result;
	}

}
