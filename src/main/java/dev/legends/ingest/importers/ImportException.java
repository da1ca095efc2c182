package dev.legends.ingest.importers;

/**
 * A file that cannot be imported, with where the problem is: the record index, the line
 * (for line-based files) and the field.
 */
public class ImportException extends RuntimeException {

	private final Integer index;

	private final Integer line;

	private final String field;

	/**
	 * A problem at a record and field.
	 * @param index the 0-based record index, or {@code null}
	 * @param line the 1-based line, or {@code null}
	 * @param field the field (a JSON path or a column name)
	 * @param message what is wrong, for a person
	 */
	public ImportException(Integer index, Integer line, String field, String message) {
		super(message);
		this.index = index;
		this.line = line;
		this.field = field;
	}

	public Integer getIndex() {
		return this.index;
	}

	public Integer getLine() {
		return this.line;
	}

	public String getField() {
		return this.field;
	}

}
