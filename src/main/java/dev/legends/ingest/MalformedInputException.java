package dev.legends.ingest;

/**
 * A body that is not parseable at all (broken JSON, CSV, protobuf); answered with 400 and
 * an {@code error} code such as {@code malformed_json}.
 */
public class MalformedInputException extends RuntimeException {

	private final String error;

	/**
	 * Create the exception.
	 * @param error the error code of the answer, e.g. {@code malformed_json}
	 * @param message what is wrong and where
	 */
	public MalformedInputException(String error, String message) {
		super(message);
		this.error = error;
	}

	/**
	 * The error code of the answer.
	 * @return e.g. {@code malformed_json}
	 */
	public String error() {
		return this.error;
	}

}
