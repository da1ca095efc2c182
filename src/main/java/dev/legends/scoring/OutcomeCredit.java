package dev.legends.scoring;

/**
 * One outcome as it bears on a person's score: what it would be worth, what it was
 * credited and why.
 *
 * @param outcomeId the outcome id
 * @param title the title as reported
 * @param kind the kind (PR merged, bug fixed…)
 * @param size the size (S, M, L)
 * @param status the status ({@code confirmed}, {@code pending}, {@code rejected}…)
 * @param fullPoints the points of its size (the person's share)
 * @param creditedPoints the points it counts for
 * @param counted whether it counts at all
 * @param reason why it counts as it does
 */
public record OutcomeCredit(long outcomeId, String title, String kind, String size, String status, double fullPoints,
		double creditedPoints, boolean counted, String reason) {

	/**
	 * Whether it is confirmed.
	 * @return {@code true} for a confirmed outcome
	 */
	public boolean confirmed() {
		return "confirmed".equals(this.status);
	}

}
