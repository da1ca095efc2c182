package dev.legends.scoring;

/**
 * A person's position in a period on every board, with cost per point and the trend
 * against the trailing four weeks.
 *
 * @param person the person's figures in the period
 * @param period the period
 * @param outcomes the outcomes board row, or {@code null} when not ranked
 * @param efficiency the efficiency board row, or {@code null} when not ranked
 * @param efficiencyNote why not ranked on efficiency, or {@code null}
 * @param usage the usage board row, or {@code null} when not ranked
 * @param counts how many are ranked on each board
 * @param trend this period against the trailing four weeks
 */
public record Standing(PersonFigures person, Period period, BoardRow outcomes, BoardRow efficiency,
		String efficiencyNote, BoardRow usage, Counts counts, Trend trend) {

	/**
	 * How many people are ranked on each board.
	 *
	 * @param outcomes ranked on outcomes
	 * @param efficiency ranked on efficiency
	 * @param usage ranked on usage
	 */
	public record Counts(int outcomes, int efficiency, int usage) {

	}

	/**
	 * Points and cost of the period against the weekly average of the four weeks before.
	 *
	 * @param points the period's points
	 * @param costUsd the period's estimated cost
	 * @param trailingWeeklyPoints average weekly points over the trailing four weeks
	 * @param trailingWeeklyCostUsd average weekly cost over the trailing four weeks
	 */
	public record Trend(double points, double costUsd, double trailingWeeklyPoints, double trailingWeeklyCostUsd) {

		/**
		 * Cost per point over the trailing four weeks.
		 * @return dollars per point, or {@code null} without points
		 */
		public Double trailingCostPerPoint() {
			return (this.trailingWeeklyPoints > 0) ? this.trailingWeeklyCostUsd / this.trailingWeeklyPoints : null;
		}

	}

}
