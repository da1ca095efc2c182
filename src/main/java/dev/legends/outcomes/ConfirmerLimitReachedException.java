package dev.legends.outcomes;

/**
 * Thrown when a confirmer who is not the reporter's manager has already confirmed the
 * weekly limit of that person's outcomes: a manager has to confirm this one.
 */
public class ConfirmerLimitReachedException extends OutcomeRefusedException {

	/**
	 * Create the exception.
	 * @param message why, fit to show the person
	 */
	public ConfirmerLimitReachedException(String message) {
		super(message);
	}

}
