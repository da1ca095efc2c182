package dev.legends.ingest;

/**
 * A request to the ingest API without a valid key; answered with 401.
 */
public class UnauthorizedException extends RuntimeException {

	public UnauthorizedException(String message) {
		super(message);
	}

}
