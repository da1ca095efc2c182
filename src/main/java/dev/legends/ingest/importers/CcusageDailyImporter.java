package dev.legends.ingest.importers;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;

/**
 * The output of {@code ccusage daily --json} (one person's Claude Code usage from local
 * logs): {@code daily[]} days with totals and per-model {@code modelBreakdowns[]}. Each
 * token counts once: from the breakdowns when a day has them, else from the day's totals.
 * The file does not say whose it is, so the request must ({@code &user=}).
 */
final class CcusageDailyImporter implements UsageImporter {

	static final String FORMAT = "ccusage-daily";

	@Override
	public String format() {
		return FORMAT;
	}

	@Override
	public boolean singlePerson() {
		return true;
	}

	@Override
	public Imported parse(InputStream in, ImportOptions options) {
		UsageIdentity user = options.user();
		if (user == null) {
			throw new ImportException(null, null, "user",
					"is required for ccusage-daily: add &user=EMAIL_OR_SLACK_ID (whose usage the file is)");
		}
		JsonRow root = JsonRow.read(in);
		List<JsonRow> days = root.isArray() ? root.elements() : root.array("daily", true);
		List<UsageInput> usage = new ArrayList<>();
		for (int i = 0; i < days.size(); i++) {
			JsonRow day = days.get(i).asRecord(i);
			LocalDate date = day.date(day.has("date") ? "date" : "period");
			List<JsonRow> breakdowns = day.array("modelBreakdowns", false);
			if (breakdowns.isEmpty()) {
				List<JsonRow> models = day.array("modelsUsed", false);
				String model = (models.size() == 1) ? models.get(0).node().asString() : null;
				usage.add(record(day, user, date, model, "totalCost"));
			}
			else {
				for (JsonRow breakdown : breakdowns) {
					UsageInput record = record(breakdown, user, date, breakdown.requiredText("modelName"), "cost");
					if (hasUsage(record)) {
						usage.add(record);
					}
				}
			}
		}
		return Imported.of(usage);
	}

	private static UsageInput record(JsonRow row, UsageIdentity user, LocalDate date, String model, String costField) {
		Instant start = date.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant end = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		String id = SourceIds.of(FORMAT, user.kind(), user.value(), date, model);
		return new UsageInput(id, user, "claude-code", model, start, end, row.requiredCount("inputTokens"),
				row.requiredCount("outputTokens"), row.count("cacheReadTokens"), row.count("cacheCreationTokens"), 0, 0,
				row.decimal(costField));
	}

	private static boolean hasUsage(UsageInput record) {
		return record.inputTokens() + record.outputTokens() + record.cacheReadInputTokens()
				+ record.cacheCreationInputTokens() > 0 || (record.costUsd() != null && record.costUsd().signum() > 0);
	}

}
