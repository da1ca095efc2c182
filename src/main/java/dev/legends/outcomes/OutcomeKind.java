package dev.legends.outcomes;

/**
 * What sort of result an outcome is.
 */
public enum OutcomeKind {

	/** A pull request merged. */
	PR_MERGED("PR merged"),

	/** A bug fixed. */
	BUG_FIXED("Bug fixed"),

	/** An incident resolved. */
	INCIDENT_RESOLVED("Incident resolved"),

	/** A customer ticket solved. */
	CUSTOMER_TICKET("Customer ticket"),

	/** Documentation written. */
	DOC("Doc"),

	/** An experiment run. */
	EXPERIMENT("Experiment"),

	/** Anything else delivered. */
	OTHER("Other");

	private final String label;

	OutcomeKind(String label) {
		this.label = label;
	}

	/**
	 * The name people read.
	 * @return the label, e.g. "PR merged"
	 */
	public String label() {
		return this.label;
	}

}
