package dev.legends.outcomes;

/**
 * Thrown when a person may not do something to an outcome (confirm their own, decide
 * twice, edit someone else's…); the message says why in words fit to show them.
 */
public class OutcomeRefusedException extends RuntimeException {

	/**
	 * Create the exception.
	 * @param message why, fit to show the person
	 */
	public OutcomeRefusedException(String message) {
		super(message);
	}

}
