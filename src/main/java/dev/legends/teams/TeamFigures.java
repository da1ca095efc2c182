package dev.legends.teams;

import java.math.BigDecimal;
import java.util.Collection;

import dev.legends.workspace.TimeWindow;

/**
 * Port to what a team delivered and spent in a window (from outcomes and usage),
 * implemented where those modules meet; without an implementation every figure is zero.
 */
public interface TeamFigures {

	/**
	 * The team's totals in a window.
	 * @param workspaceId the team's workspace
	 * @param memberIds the team's members
	 * @param window the window
	 * @return the totals
	 */
	Totals totals(Long workspaceId, Collection<Long> memberIds, TimeWindow window);

	/**
	 * A team's totals in a window.
	 *
	 * @param confirmedPoints points of confirmed outcomes
	 * @param confirmedOutcomes number of confirmed outcomes
	 * @param reportedOutcomes number of outcomes reported and not rejected (confirmed or
	 * not)
	 * @param estimatedCostUsd estimated cost of the team's AI usage, in USD
	 */
	record Totals(BigDecimal confirmedPoints, int confirmedOutcomes, int reportedOutcomes,
			BigDecimal estimatedCostUsd) {

		/** Nothing delivered, nothing spent. */
		public static final Totals NONE = new Totals(BigDecimal.ZERO, 0, 0, BigDecimal.ZERO);

	}

}
