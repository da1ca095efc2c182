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

	/** How much of a refused body is still read, so that the client sees the answer. */
	private static final long DRAIN_BYTES = 8L * MAX_BYTES;

	/** Problems listed in one 400 answer. */
	public static final int MAX_ERRORS = 100;

	private IngestLimits() {
	}

	/**
	 * Read a request body, refusing it when above {@link #MAX_BYTES}.
	 * @param request the request
	 * @return the body
	 * @throws IOException when the body cannot be read
	 * @throws PayloadTooLargeException when the body is too large
	 */
	public static byte[] readBody(HttpServletRequest request) throws IOException {
		try (InputStream in = request.getInputStream()) {
			if (request.getContentLengthLong() > MAX_BYTES) {
				drain(in);
				throw tooLarge();
			}
			byte[] body = in.readNBytes(MAX_BYTES + 1);
			if (body.length > MAX_BYTES) {
				drain(in);
				throw tooLarge();
			}
			return body;
		}
	}

	/**
	 * Read and drop what a refused client still sends (up to a bound), so that it gets
	 * the 413 answer instead of a reset connection.
	 */
	private static void drain(InputStream in) throws IOException {
		long left = DRAIN_BYTES;
		byte[] buffer = new byte[64 * 1024];
		int read;
		while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
			left -= read;
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
