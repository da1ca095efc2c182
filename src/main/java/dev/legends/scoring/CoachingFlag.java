package dev.legends.scoring;

/**
 * A weekly coaching note for one person, sent to them alone.
 *
 * @param kind which pattern was seen
 * @param weekCostUsd the week's estimated cost
 * @param trailingMedianCostUsd the median weekly cost of the four weeks before
 * @param weekPoints the week's points
 * @param trailingAveragePoints the average weekly points of the four weeks before
 */
public record CoachingFlag(Kind kind, double weekCostUsd, double trailingMedianCostUsd, double weekPoints,
		double trailingAveragePoints) {

	/**
	 * The patterns coaching looks for.
	 */
	public enum Kind {

		/**
		 * Spend at least the configured multiple of the trailing median, outcomes not up.
		 */
		SPEND_SPIKE,

		/** Heavy usage with no outcome points for two weeks running. */
		USAGE_WITHOUT_OUTCOMES,

		/** Outcomes up while spend went down: a kudos. */
		KUDOS

	}

}
