package dev.legends.slack.teams;

import java.math.BigDecimal;
import java.util.Collection;

import dev.legends.teams.TeamFigures;
import dev.legends.usage.UsageLedger;
import dev.legends.workspace.TimeWindow;

import org.springframework.stereotype.Component;

/**
 * A team's figures from the usage ledger (estimated cost) and, once the outcomes module
 * offers them, its confirmed outcomes and points.
 */
@Component
class LedgerTeamFigures implements TeamFigures {

	private final UsageLedger usage;

	LedgerTeamFigures(UsageLedger usage) {
		this.usage = usage;
	}

	@Override
	public Totals totals(Collection<Long> memberIds, TimeWindow window) {
		BigDecimal cost = memberIds.stream()
			.map((memberId) -> this.usage.totalsForMember(memberId, window).costUsdEstimated())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return new Totals(BigDecimal.ZERO, 0, 0, cost);
	}

}
