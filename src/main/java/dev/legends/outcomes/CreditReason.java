package dev.legends.outcomes;

/**
 * Why an outcome counted as much as it did for a person.
 */
public enum CreditReason {

	/** Confirmed: full points. */
	CONFIRMED("confirmed: full points"),

	/** Reported, waiting for confirmation: half points. */
	PENDING("awaiting confirmation: half points"),

	/** Reported, but over the reporter's daily cap on unconfirmed points. */
	CAPPED_BY_DAILY_CAP("awaiting confirmation, capped by the daily cap on unconfirmed points"),

	/** Rejected: no points. */
	REJECTED("rejected: no points"),

	/** Withdrawn by its reporter: no points. */
	WITHDRAWN("withdrawn: no points"),

	/** Its link was reported earlier by someone else: no points. */
	DUPLICATE_LINK("same link reported earlier: no points");

	private final String description;

	CreditReason(String description) {
		this.description = description;
	}

	/**
	 * A short phrase for explanations.
	 * @return the phrase
	 */
	public String description() {
		return this.description;
	}

}
