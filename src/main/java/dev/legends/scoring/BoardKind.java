package dev.legends.scoring;

import java.util.Locale;
import java.util.Optional;

/**
 * The three boards: outcomes (the score), efficiency (points per dollar, shrunk) and
 * usage (context only).
 */
public enum BoardKind {

	/** Outcome points in the period: the default board. */
	OUTCOMES("Outcomes"),

	/** Points per estimated dollar, shrunk toward the group's rate. */
	EFFICIENCY("Efficiency"),

	/** Cost-weighted usage, shown as context beside outcomes. */
	USAGE("Usage");

	private final String title;

	BoardKind(String title) {
		this.title = title;
	}

	/**
	 * The board's title for people.
	 * @return the title
	 */
	public String title() {
		return this.title;
	}

	/**
	 * The board a command word names.
	 * @param word {@code outcomes}, {@code efficiency} or {@code usage}
	 * @return the kind, if the word names one
	 */
	public static Optional<BoardKind> named(String word) {
		return switch (word.toLowerCase(Locale.ROOT)) {
			case "outcomes", "outcome", "points" -> Optional.of(OUTCOMES);
			case "efficiency", "efficient" -> Optional.of(EFFICIENCY);
			case "usage", "cost", "tokens" -> Optional.of(USAGE);
			default -> Optional.empty();
		};
	}

}
