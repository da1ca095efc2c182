package dev.legends.digest;

/**
 * A part of a digest that a schedule may include or leave out.
 */
public enum DigestSection {

	/** Outcomes, points, estimated cost, tokens by class and cost per confirmed point. */
	TOTALS("Totals: outcomes, points, cost, cost per point"),

	/** Cost per confirmed point against the previous four periods. */
	TREND("Trend over the previous four weeks"),

	/** Progress against the team's goals. */
	GOALS("Goal progress"),

	/** Who delivered most, by confirmed outcomes. */
	CONTRIBUTORS("Top contributors by outcomes"),

	/** The largest gain in confirmed points per dollar. */
	IMPROVED("Most improved efficiency"),

	/** A chart of usage against outcomes over eight weeks. */
	CHART("Chart: cost against confirmed points");

	private final String label;

	DigestSection(String label) {
		this.label = label;
	}

	/**
	 * The label shown in the setup modal.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

}
