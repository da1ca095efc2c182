package dev.legends.ingest.importers;

import java.util.List;

import dev.legends.usage.UsageInput;

/**
 * What an export file holds: usage records and, for sources that report them, daily
 * coding activity signals.
 *
 * @param usage the usage records, in file order
 * @param activity the activity signals, in file order (often empty)
 */
public record Imported(List<UsageInput> usage, List<ActivitySignal> activity) {

	/**
	 * Usage records without activity signals.
	 * @param usage the usage records
	 * @return the import
	 */
	public static Imported of(List<UsageInput> usage) {
		return new Imported(usage, List.of());
	}

}
