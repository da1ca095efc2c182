package dev.legends.scoring;

import java.util.HashMap;
import java.util.Map;

import dev.legends.usage.UsageLedger;
import dev.legends.usage.UsageTotals;
import dev.legends.workspace.TimeWindow;

import org.springframework.stereotype.Component;

/**
 * Reads per-person usage totals from the usage module's rollups.
 */
@Component
class UsageLedgerSource implements ScoringSources.UsageSource {

	private final UsageLedger ledger;

	UsageLedgerSource(UsageLedger ledger) {
		this.ledger = ledger;
	}

	@Override
	public Map<Long, UsageFigures> byMember(Long workspaceId, TimeWindow window) {
		Map<Long, UsageFigures> result = new HashMap<>();
		this.ledger.totalsByMember(workspaceId, window).forEach((id, totals) -> result.put(id, figures(totals)));
		return result;
	}

	@Override
	public UsageFigures ofMember(Long memberId, TimeWindow window) {
		return figures(this.ledger.totalsForMember(memberId, window));
	}

	static UsageFigures figures(UsageTotals t) {
		return new UsageFigures(t.inputTokens(), t.outputTokens(), t.cacheReadInputTokens(),
				t.cacheCreationInputTokens(), t.reasoningTokens(), t.requests(), t.costUsdReported().doubleValue(),
				t.costUsdEstimated().doubleValue(), t.priceUnknown(), t.unpricedModels());
	}

}
