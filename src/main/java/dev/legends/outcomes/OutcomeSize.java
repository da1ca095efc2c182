package dev.legends.outcomes;

/**
 * How big an outcome is; {@link OutcomePoints} turns a size into points.
 */
public enum OutcomeSize {

	/** Small. */
	S("Small"),

	/** Medium. */
	M("Medium"),

	/** Large. */
	L("Large");

	private final String label;

	OutcomeSize(String label) {
		this.label = label;
	}

	/**
	 * The name people read.
	 * @return the label, e.g. "Medium"
	 */
	public String label() {
		return this.label;
	}

}
