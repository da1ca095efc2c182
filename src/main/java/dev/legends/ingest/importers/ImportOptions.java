package dev.legends.ingest.importers;

import dev.legends.usage.UsageIdentity;

/**
 * Options an import request carries besides the file.
 *
 * @param user whose usage a single-person file is, or {@code null}
 */
public record ImportOptions(UsageIdentity user) {

	/**
	 * No options.
	 * @return options without a user
	 */
	public static ImportOptions none() {
		return new ImportOptions(null);
	}

}
