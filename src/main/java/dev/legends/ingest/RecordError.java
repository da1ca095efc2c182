package dev.legends.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One problem with one record of a batch or file: where it is and what is wrong.
 *
 * @param index the record's position (0-based) in the batch or file, or {@code null}
 * @param line the line in the file (1-based), or {@code null}
 * @param field the field, as named in the input (e.g. {@code output_tokens},
 * {@code user.email})
 * @param message what is wrong, for a person
 */
public record RecordError(Integer index, Integer line, String field, String message) {

	/**
	 * A problem with a field of the record at an index.
	 * @param index the record's position
	 * @param field the field
	 * @param message what is wrong
	 * @return the error
	 */
	public static RecordError at(int index, String field, String message) {
		return new RecordError(index, null, field, message);
	}

	/**
	 * This error with a line number.
	 * @param line the 1-based line
	 * @return the error with its line
	 */
	public RecordError onLine(int line) {
		return new RecordError(this.index, line, this.field, this.message);
	}

	/**
	 * The JSON shape of a {@code details} entry (absent parts left out).
	 * @return index, line, field, message
	 */
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		if (this.index != null) {
			json.put("index", this.index);
		}
		if (this.line != null) {
			json.put("line", this.line);
		}
		json.put("field", this.field);
		json.put("message", this.message);
		return json;
	}

}
