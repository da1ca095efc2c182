package dev.legends.ingest;

import java.util.List;

/**
 * A batch or file with invalid records; answered with {@code 400
 * {"error":"invalid_records","details":[…]}} and nothing stored.
 */
public class InvalidRecordsException extends RuntimeException {

	private final List<RecordError> details;

	private final int total;

	/**
	 * Create the exception.
	 * @param details the problems (at most {@link IngestLimits#MAX_ERRORS} are reported)
	 * @param total how many records the input had
	 */
	public InvalidRecordsException(List<RecordError> details, int total) {
		super(details.size() + " invalid record(s)");
		this.details = List.copyOf(details.subList(0, Math.min(details.size(), IngestLimits.MAX_ERRORS)));
		this.total = total;
	}

	public List<RecordError> details() {
		return this.details;
	}

	public int total() {
		return this.total;
	}

}
