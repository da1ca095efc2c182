package dev.legends.ingest;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The documented limits of one ingest request: at most {@value #MAX_RECORDS} records and
 * {@value #MAX_BYTES} bytes (10 MB); larger requests get 413 and store nothing.
 */
public final class IngestLimits {

	/** Records per request. */
	public static final int MAX_RECORDS = 10_000;

	/** Bytes per request body. */
	public static final int MAX_BYTES = 10 * 1024 * 1024;

	/** Problems listed in one 400 answer. */
	public static final int MAX_ERRORS = 100;

	private IngestLimits() {
	}

	/**
	 * Read a request body, refusing it when above {@link #MAX_BYTES}: at once, before
	 * reading anything, when its declared length is larger.
	 * @param request the request
	 * @return the body
	 * @throws IOException when the body cannot be read
	 * @throws PayloadTooLargeException when the body is too large
	 */
	public static byte[] readBody(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			throw tooLarge();
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(MAX_BYTES + 1);
			if (body.length > MAX_BYTES) {
				throw tooLarge();
			}
			return body;
		}
	}

	/**
	 * Refuse a request with more than {@link #MAX_RECORDS} records.
	 * @param records how many records it has
	 * @throws PayloadTooLargeException when too many
	 */
	public static void checkRecordCount(int records) {
		if (records > MAX_RECORDS) {
			throw new PayloadTooLargeException("This request has " + records + " records; at most " + MAX_RECORDS
					+ " records (and 10 MB) are accepted per request. Split it into smaller batches.");
		}
	}

	private static PayloadTooLargeException tooLarge() {
		return new PayloadTooLargeException("The body is larger than 10 MB (" + MAX_BYTES
				+ " bytes); at most 10 MB and " + MAX_RECORDS + " records are accepted per request. Split it.");
	}

}
