package dev.legends.scoring;

/**
 * What scoring knows about one person in a period: credited outcome points (pending ones
 * already at their reduced weight), counted outcomes and usage.
 *
 * @param memberId the member id
 * @param name the display name (never an @mention)
 * @param listed whether the person may appear on shared boards
 * @param confirmedPoints points from confirmed outcomes
 * @param pendingPoints credited points from outcomes still awaiting confirmation
 * @param confirmedOutcomes confirmed outcomes counted
 * @param pendingOutcomes pending outcomes counted
 * @param usage usage and cost
 */
public record PersonFigures(long memberId, String name, boolean listed, double confirmedPoints, double pendingPoints,
		int confirmedOutcomes, int pendingOutcomes, UsageFigures usage) {

	/**
	 * The points that count on boards: confirmed plus credited pending.
	 * @return the points
	 */
	public double points() {
		return this.confirmedPoints + this.pendingPoints;
	}

	/**
	 * Estimated cost in dollars.
	 * @return the cost
	 */
	public double cost() {
		return this.usage.estimatedCostUsd();
	}

	/**
	 * Dollars of estimated cost per point, when there are points.
	 * @return the cost per point, or {@code null} without points
	 */
	public Double costPerPoint() {
		return (points() > 0) ? cost() / points() : null;
	}

}
