package dev.legends.ingest.importers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import dev.legends.ingest.ActivitySignal;
import dev.legends.usage.UsageBounds;
import dev.legends.usage.UsageInput;

/**
 * What an export file holds: usage records and, for sources that report them, daily
 * coding activity signals. Records are normalised for storage: a missing model becomes
 * {@value #UNKNOWN_MODEL} (priced as unknown, never as zero), costs keep six decimals,
 * and overlong ids are shortened to a hash.
 *
 * @param usage the usage records, in file order
 * @param activity the activity signals, in file order (often empty)
 */
public record Imported(List<UsageInput> usage, List<ActivitySignal> activity) {

	/** The model recorded when a source does not say which model was used. */
	public static final String UNKNOWN_MODEL = "unknown";

	private static final int MAX_ID = 200;

	private static final int MAX_MODEL = 128;

	private static final int MAX_SOURCE = 64;

	public Imported {
		usage = usage.stream().map(Imported::normalized).toList();
		activity = List.copyOf(activity);
		checkBounds(usage);
	}

	/**
	 * Refuse the file when a record, as converted (e.g. cached input subtracted, cache
	 * classes added up, cents turned into dollars), is past {@link UsageBounds}; the
	 * field is named as in the batch format.
	 */
	private static void checkBounds(List<UsageInput> usage) {
		for (int i = 0; i < usage.size(); i++) {
			List<UsageBounds.Problem> problems = UsageBounds.check(usage.get(i));
			if (!problems.isEmpty()) {
				UsageBounds.Problem problem = problems.get(0);
				throw new ImportException(i, null, problem.field(),
						problem.message() + " (as converted from the file)");
			}
		}
	}

	/**
	 * Usage records without activity signals.
	 * @param usage the usage records
	 * @return the import
	 */
	public static Imported of(List<UsageInput> usage) {
		return new Imported(usage, List.of());
	}

	private static UsageInput normalized(UsageInput input) {
		String id = (input.id() != null && input.id().length() > MAX_ID) ? SourceIds.of("long-id", input.id())
				: input.id();
		String model = (input.model() == null || input.model().isBlank()) ? UNKNOWN_MODEL
				: shorten(input.model(), MAX_MODEL);
		BigDecimal cost = (input.costUsd() != null) ? input.costUsd().setScale(6, RoundingMode.HALF_UP) : null;
		return new UsageInput(id, input.user(), shorten(input.source(), MAX_SOURCE), model, input.start(), input.end(),
				input.inputTokens(), input.outputTokens(), input.cacheReadInputTokens(),
				input.cacheCreationInputTokens(), input.reasoningTokens(), input.requests(), cost);
	}

	private static String shorten(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) : text;
	}

}
