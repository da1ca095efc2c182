package dev.legends.teams;

/**
 * Thrown when someone tries to change a team or its goals without the role for it;
 * nothing was changed.
 */
public class NotPermittedException extends RuntimeException {

	/**
	 * Create the exception.
	 * @param message what the person may not do, said plainly
	 */
	public NotPermittedException(String message) {
		super(message);
	}

}
