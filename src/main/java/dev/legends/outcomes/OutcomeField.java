package dev.legends.outcomes;

/**
 * The part of a report a validation problem is about.
 */
public enum OutcomeField {

	/** The kind. */
	KIND,

	/** The title. */
	TITLE,

	/** The link. */
	LINK,

	/** The size (also where the daily cap is reported). */
	SIZE,

	/** The date. */
	DATE,

	/** The collaborators. */
	COLLABORATORS,

	/** The confirmer. */
	CONFIRMER,

	/** The notes. */
	NOTES

}
