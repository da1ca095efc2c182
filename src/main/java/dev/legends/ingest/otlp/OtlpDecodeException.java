package dev.legends.ingest.otlp;

/**
 * An OTLP request body that cannot be decoded.
 */
class OtlpDecodeException extends RuntimeException {

	OtlpDecodeException(String message) {
		super(message);
	}

}
