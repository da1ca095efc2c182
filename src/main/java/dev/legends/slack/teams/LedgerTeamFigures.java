package dev.legends.slack.teams;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.legends.outcomes.CreditReason;
import dev.legends.outcomes.OutcomeCredit;
import dev.legends.outcomes.Outcomes;
import dev.legends.teams.TeamFigures;
import dev.legends.usage.UsageLedger;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import dev.legends.workspace.TimeWindow;

import org.springframework.stereotype.Component;

/**
 * A team's figures from the outcomes module (confirmed points and outcomes, the share
 * confirmed) and the usage ledger (estimated cost).
 */
@Component
class LedgerTeamFigures implements TeamFigures {

	private static final Set<CreditReason> STILL_COUNTING = Set.of(CreditReason.CONFIRMED, CreditReason.PENDING,
			CreditReason.CAPPED_BY_DAILY_CAP);

	private final UsageLedger usage;

	private final Outcomes outcomes;

	private final Members members;

	LedgerTeamFigures(UsageLedger usage, Outcomes outcomes, Members members) {
		this.usage = usage;
		this.outcomes = outcomes;
		this.members = members;
	}

	@Override
	public Totals totals(Collection<Long> memberIds, TimeWindow window) {
		BigDecimal cost = memberIds.stream()
			.map((memberId) -> this.usage.totalsForMember(memberId, window).costUsdEstimated())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		Optional<Long> workspaceId = memberIds.stream()
			.findFirst()
			.flatMap(this.members::findById)
			.map(Member::getWorkspaceId);
		if (workspaceId.isEmpty()) {
			return new Totals(BigDecimal.ZERO, 0, 0, cost);
		}
		List<OutcomeCredit> credits = this.outcomes.credits(workspaceId.get(), window)
			.stream()
			.filter((credit) -> memberIds.contains(credit.memberId()))
			.toList();
		BigDecimal points = credits.stream()
			.filter((credit) -> credit.reason() == CreditReason.CONFIRMED)
			.map((credit) -> BigDecimal.valueOf(credit.points()))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		int confirmed = distinctOutcomes(credits, Set.of(CreditReason.CONFIRMED));
		int reported = distinctOutcomes(credits, STILL_COUNTING);
		return new Totals(points, confirmed, reported, cost);
	}

	private static int distinctOutcomes(List<OutcomeCredit> credits, Set<CreditReason> reasons) {
		return credits.stream()
			.filter((credit) -> reasons.contains(credit.reason()))
			.map(OutcomeCredit::outcomeId)
			.collect(Collectors.toSet())
			.size();
	}

}
