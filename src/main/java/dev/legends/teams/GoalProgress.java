package dev.legends.teams;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Set;

import dev.legends.workspace.TimeWindow;

/**
 * A team's progress in the current period against the goal in effect.
 *
 * @param team the team
 * @param goal the goal in effect, or {@code null} when none is set
 * @param window the current period (of the goal, or the current week without one)
 * @param firstDay the first day of the period, in the workspace's timezone
 * @param lastDay the last day of the period
 * @param countedMemberIds the members whose work is counted (everyone but those who opted
 * out of shared figures)
 * @param totals what the counted members delivered and spent in the period so far
 */
public record GoalProgress(Team team, TeamGoal goal, TimeWindow window, LocalDate firstDay, LocalDate lastDay,
		Set<Long> countedMemberIds, TeamFigures.Totals totals) {

	public GoalProgress {
		countedMemberIds = Set.copyOf(countedMemberIds);
	}

	/**
	 * Whether these figures may be shown in a channel: only when at least
	 * {@value Team#MIN_SIZE_FOR_CHANNELS} people's work is counted.
	 * @return {@code true} for teams large enough
	 */
	public boolean isChannelSized() {
		return this.countedMemberIds.size() >= Team.MIN_SIZE_FOR_CHANNELS;
	}

	/**
	 * How many members opted out and are therefore not counted.
	 * @return the number left out
	 */
	public int optedOut() {
		return this.team.size() - this.countedMemberIds.size();
	}

	/**
	 * Whether a goal is in effect.
	 * @return {@code true} when there is one
	 */
	public boolean hasGoal() {
		return this.goal != null;
	}

	/**
	 * Estimated cost per confirmed point so far.
	 * @return USD per point, or {@code null} when no point was confirmed yet
	 */
	public BigDecimal costPerPoint() {
		if (this.totals.confirmedPoints().signum() == 0) {
			return null;
		}
		return this.totals.estimatedCostUsd().divide(this.totals.confirmedPoints(), 2, RoundingMode.HALF_UP);
	}

	/**
	 * Share of reported outcomes that are confirmed so far.
	 * @return a percentage 0-100, or {@code null} when nothing was reported
	 */
	public Integer confirmedPercent() {
		if (this.totals.reportedOutcomes() == 0) {
			return null;
		}
		return Math.round(100f * this.totals.confirmedOutcomes() / this.totals.reportedOutcomes());
	}

	/**
	 * Whether cost per point is within the goal's ceiling (also when nothing is known
	 * yet).
	 * @return {@code false} only when a ceiling is set and exceeded
	 */
	public boolean costWithinCeiling() {
		BigDecimal costPerPoint = costPerPoint();
		return this.goal == null || this.goal.maxCostPerPoint() == null || costPerPoint == null
				|| costPerPoint.compareTo(this.goal.maxCostPerPoint()) <= 0;
	}

}
