package dev.legends.ingest.importers;

import java.io.InputStream;

/**
 * Reads one source's usage export file into usage records (and, where the source has
 * them, activity signals), all or nothing.
 */
public interface UsageImporter {

	/**
	 * The name of the format, as given in {@code ?format=}.
	 * @return the format name, e.g. {@code openai-usage}
	 */
	String format();

	/**
	 * Whether the format describes one person's usage only, so that the caller must say
	 * whose it is ({@code &user=}).
	 * @return {@code true} for single-person formats
	 */
	default boolean singlePerson() {
		return false;
	}

	/**
	 * Parse a whole export file.
	 * @param in the file's content
	 * @param options options from the request
	 * @return the records the file holds
	 * @throws ImportException naming the row (index or line) and field of the first
	 * problem
	 */
	Imported parse(InputStream in, ImportOptions options) throws ImportException;

}
