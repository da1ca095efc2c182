package dev.legends.teams;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Goals as a manager entered them, before they are checked and stored.
 *
 * @param period the period the targets apply to
 * @param targetPoints confirmed outcome points per period
 * @param targetOutcomes confirmed outcomes per period
 * @param maxCostPerPoint optional ceiling on estimated cost (USD) per confirmed point
 * @param minConfirmedPercent optional minimum share (percent) of outcomes confirmed
 * @param startDate the first day the goal applies
 */
public record GoalDraft(GoalPeriod period, Integer targetPoints, Integer targetOutcomes, BigDecimal maxCostPerPoint,
		Integer minConfirmedPercent, LocalDate startDate) {

	/** The field names {@link #problems(LocalDate)} reports on. */
	public static final String PERIOD = "period", POINTS = "points", OUTCOMES = "outcomes", COST = "cost",
			CONFIRMED = "confirmed", START = "start";

	static final int MAX_POINTS = 10_000;

	static final int MAX_OUTCOMES = 1_000;

	static final BigDecimal MAX_COST_PER_POINT = new BigDecimal("10000");

	static final int MAX_DAYS_AHEAD = 366;

	/**
	 * Check the draft; each problem is keyed by field ({@link #POINTS}, …) and says what
	 * would be accepted.
	 * @param today today in the workspace's timezone
	 * @return the problems, empty when the draft can be stored
	 */
	public Map<String, String> problems(LocalDate today) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (this.period == null) {
			problems.put(PERIOD, "Choose week, month or quarter.");
		}
		if (this.targetPoints == null || this.targetPoints < 1 || this.targetPoints > MAX_POINTS) {
			problems.put(POINTS, "Enter a whole number of points from 1 to " + MAX_POINTS + ".");
		}
		if (this.targetOutcomes == null || this.targetOutcomes < 1 || this.targetOutcomes > MAX_OUTCOMES) {
			problems.put(OUTCOMES, "Enter a whole number of outcomes from 1 to " + MAX_OUTCOMES + ".");
		}
		else if (this.targetPoints != null && !problems.containsKey(POINTS)
				&& this.targetOutcomes > this.targetPoints) {
			problems.put(OUTCOMES, "Each confirmed outcome is worth at least 1 point, so aim for at most "
					+ this.targetPoints + " outcomes (the points target).");
		}
		if (this.maxCostPerPoint != null && (this.maxCostPerPoint.signum() <= 0
				|| this.maxCostPerPoint.compareTo(MAX_COST_PER_POINT) > 0 || this.maxCostPerPoint.scale() > 2)) {
			problems.put(COST, "Enter a dollar amount above 0 and at most " + MAX_COST_PER_POINT.toPlainString()
					+ " (cents at most), or leave it empty.");
		}
		if (this.minConfirmedPercent != null && (this.minConfirmedPercent < 1 || this.minConfirmedPercent > 100)) {
			problems.put(CONFIRMED, "Enter a percentage from 1 to 100, or leave it empty.");
		}
		startProblem(today).ifPresent((problem) -> problems.put(START, problem));
		return problems;
	}

	private Optional<String> startProblem(LocalDate today) {
		if (this.startDate == null) {
			return Optional.of("Choose the first day the goal applies.");
		}
		GoalPeriod basis = (this.period != null) ? this.period : GoalPeriod.WEEK;
		LocalDate earliest = basis.startOf(today);
		if (this.startDate.isBefore(earliest)) {
			return Optional.of("Start on or after " + earliest + " (the start of the current " + basis.label()
					+ "); past periods cannot be given goals.");
		}
		if (this.startDate.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
			return Optional.of("Start within a year from today.");
		}
		return Optional.empty();
	}

}
