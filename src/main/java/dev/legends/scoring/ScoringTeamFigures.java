package dev.legends.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.legends.teams.TeamFigures;
import dev.legends.workspace.TimeWindow;

import org.springframework.stereotype.Component;

/**
 * What a team delivered and spent in a window, for the teams module's goal progress: the
 * same credits and usage the boards use, each outcome counted once however many members
 * share it.
 */
@Component
class ScoringTeamFigures implements TeamFigures {

	private final Snapshots snapshots;

	ScoringTeamFigures(Snapshots snapshots) {
		this.snapshots = snapshots;
	}

	@Override
	public Totals totals(Long workspaceId, Collection<Long> memberIds, TimeWindow window) {
		if (memberIds.isEmpty()) {
			return Totals.NONE;
		}
		// the workspace's credits and usage in the window, computed once for every team
		// and cached like the boards
		Map<Long, List<OutcomeCredit>> credits = this.snapshots.creditsByMember(workspaceId, window);
		Map<Long, UsageFigures> usage = this.snapshots.usageByMember(workspaceId, window);
		double points = 0;
		double cost = 0;
		Set<Long> confirmed = new HashSet<>();
		Set<Long> reported = new HashSet<>();
		for (Long memberId : memberIds) {
			for (OutcomeCredit credit : credits.getOrDefault(memberId, List.of())) {
				if (credit.confirmed()) {
					points += credit.creditedPoints();
					confirmed.add(credit.outcomeId());
				}
				if (credit.confirmed() || "pending".equals(credit.status())) {
					reported.add(credit.outcomeId());
				}
			}
			cost += usage.getOrDefault(memberId, UsageFigures.NONE).estimatedCostUsd();
		}
		return new Totals(BigDecimal.valueOf(points).setScale(2, RoundingMode.HALF_UP), confirmed.size(),
				reported.size(), BigDecimal.valueOf(cost).setScale(2, RoundingMode.HALF_UP));
	}

}
