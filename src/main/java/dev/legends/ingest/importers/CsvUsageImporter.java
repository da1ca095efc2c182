package dev.legends.ingest.importers;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;

/**
 * Legends' own CSV format: a header row and one usage record per line, with the batch
 * API's field names as columns (exactly one of {@code user_email}, {@code user_slack_id},
 * {@code api_key_name} per line).
 */
final class CsvUsageImporter implements UsageImporter {

	static final String FORMAT = "csv";

	/** The columns, in documented order. */
	static final List<String> COLUMNS = List.of("id", "user_email", "user_slack_id", "api_key_name", "source", "model",
			"start", "end", "input_tokens", "output_tokens", "cache_read_input_tokens", "cache_creation_input_tokens",
			"reasoning_tokens", "requests", "cost_usd");

	@Override
	public String format() {
		return FORMAT;
	}

	@Override
	public Imported parse(InputStream in, ImportOptions options) {
		List<UsageInput> usage = new ArrayList<>();
		for (CsvRows.Row row : CsvRows.read(CsvRows.utf8(in), COLUMNS)) {
			usage.add(record(row));
		}
		return Imported.of(usage);
	}

	private static UsageInput record(CsvRows.Row row) {
		UsageIdentity user = identity(row);
		Instant start = row.instant("start");
		Instant end = row.instant("end");
		if (end.isBefore(start)) {
			throw row.fail("end", "is before start");
		}
		String source = (row.text("source") != null) ? row.text("source") : "csv";
		String id = (row.text("id") != null) ? row.text("id") : SourceIds.of(FORMAT, row.values().toArray());
		return new UsageInput(id, user, source, row.text("model"), start, end, row.count("input_tokens"),
				row.count("output_tokens"), row.count("cache_read_input_tokens"),
				row.count("cache_creation_input_tokens"), row.count("reasoning_tokens"), row.count("requests"),
				row.decimal("cost_usd"));
	}

	private static UsageIdentity identity(CsvRows.Row row) {
		List<UsageIdentity> given = new ArrayList<>();
		if (row.text("user_email") != null) {
			given.add(UsageIdentity.email(row.text("user_email")));
		}
		if (row.text("user_slack_id") != null) {
			given.add(UsageIdentity.slackId(row.text("user_slack_id")));
		}
		if (row.text("api_key_name") != null) {
			given.add(UsageIdentity.apiKeyName(row.text("api_key_name")));
		}
		if (given.size() != 1) {
			throw row.fail("user_email",
					"exactly one of user_email, user_slack_id, api_key_name must be set (found " + given.size() + ")");
		}
		return given.get(0);
	}

}
