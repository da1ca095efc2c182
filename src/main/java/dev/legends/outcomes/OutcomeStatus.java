package dev.legends.outcomes;

/**
 * Where an outcome stands: reported (counts half), confirmed (counts fully), rejected or
 * withdrawn (count zero).
 */
public enum OutcomeStatus {

	/** Reported by its author, waiting for a teammate or manager. */
	REPORTED,

	/** Confirmed by a teammate or manager. */
	CONFIRMED,

	/** Rejected by a teammate or manager, with a reason. */
	REJECTED,

	/** Withdrawn by its reporter. */
	WITHDRAWN;

	/**
	 * Whether the outcome still holds its link (so nobody else can report it again).
	 * @return {@code true} for reported and confirmed outcomes
	 */
	public boolean isActive() {
		return this == REPORTED || this == CONFIRMED;
	}

}
