package dev.legends.scoring;

/**
 * One outcome as it bears on a person's score: what it was credited and why.
 *
 * @param outcomeId the outcome id
 * @param title the title as reported
 * @param kind the kind, as people read it (PR merged, Bug fixed…)
 * @param size the size (S, M, L)
 * @param status {@code confirmed}, {@code pending}, {@code rejected} or {@code withdrawn}
 * @param creditedPoints the points it counts for this person
 * @param reason why it counts as it does (pending, capped, duplicate…)
 * @param arithmetic the points in words, e.g.
 * {@code L = 8 pts × 1 (confirmed) ÷ 2 people}
 */
public record OutcomeCredit(long outcomeId, String title, String kind, String size, String status,
		double creditedPoints, String reason, String arithmetic) {

	/**
	 * Whether it is confirmed.
	 * @return {@code true} for a confirmed outcome
	 */
	public boolean confirmed() {
		return "confirmed".equals(this.status);
	}

	/**
	 * Whether it adds any points.
	 * @return {@code true} when credited more than zero
	 */
	public boolean counted() {
		return this.creditedPoints > 0;
	}

}
