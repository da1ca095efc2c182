package dev.legends.ingest;

/**
 * A query parameter that is missing or wrong; answered with 400 naming it.
 */
class InvalidParametersException extends RuntimeException {

	private final String parameter;

	InvalidParametersException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	String parameter() {
		return this.parameter;
	}

}
