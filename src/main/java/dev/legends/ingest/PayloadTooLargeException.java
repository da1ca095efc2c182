package dev.legends.ingest;

/**
 * A request above {@link IngestLimits}; answered with 413 and nothing stored.
 */
public class PayloadTooLargeException extends RuntimeException {

	public PayloadTooLargeException(String message) {
		super(message);
	}

}
