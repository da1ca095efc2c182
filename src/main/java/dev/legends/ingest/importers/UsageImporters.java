package dev.legends.ingest.importers;

import java.util.List;
import java.util.Optional;

/**
 * The export formats Legends can import, by name.
 */
public final class UsageImporters {

	private static final List<UsageImporter> ALL = List.of(new OpenAiUsageImporter(), new AnthropicUsageImporter(),
			new ClaudeCodeAnalyticsImporter(), new CcusageDailyImporter(), new LiteLlmSpendImporter(),
			new CsvUsageImporter());

	private UsageImporters() {
	}

	/**
	 * The importer of a format.
	 * @param format the format name from {@code ?format=}
	 * @return the importer, or empty for an unknown format
	 */
	public static Optional<UsageImporter> find(String format) {
		return ALL.stream().filter((importer) -> importer.format().equals(format)).findFirst();
	}

	/**
	 * The names of all formats, in documented order.
	 * @return the format names
	 */
	public static List<String> formats() {
		return ALL.stream().map(UsageImporter::format).toList();
	}

}
