package dev.legends.scoring;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.legends.workspace.TimeWindow;

/**
 * A board period: an ISO week, a calendar month or a quarter, starting at midnight in a
 * zone.
 *
 * @param kind week, month or quarter
 * @param start the first day
 * @param zone the zone whose midnight starts and ends the period
 */
public record Period(Kind kind, LocalDate start, ZoneId zone) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	public Period {
		start = kind.startOf(start);
	}

	/**
	 * The period of a kind that contains an instant.
	 * @param kind the kind
	 * @param now the instant
	 * @param zone the zone
	 * @return the current period
	 */
	public static Period current(Kind kind, Instant now, ZoneId zone) {
		return new Period(kind, now.atZone(zone).toLocalDate(), zone);
	}

	/**
	 * The last full period of a kind before the one containing an instant.
	 * @param kind the kind
	 * @param now the instant
	 * @param zone the zone
	 * @return the previous period
	 */
	public static Period last(Kind kind, Instant now, ZoneId zone) {
		return current(kind, now, zone).previous();
	}

	/**
	 * Read a period from command words such as {@code week}, {@code month},
	 * {@code last quarter}; no words means the current week.
	 * @param words the words, lower case
	 * @param now the instant
	 * @param zone the zone
	 * @return the period, or empty when the words name none
	 */
	public static Optional<Period> parse(List<String> words, Instant now, ZoneId zone) {
		if (words.isEmpty()) {
			return Optional.of(current(Kind.WEEK, now, zone));
		}
		boolean last = words.get(0).equals("last") || words.get(0).equals("previous");
		List<String> rest = last ? words.subList(1, words.size()) : words;
		if (rest.size() != 1) {
			return Optional.empty();
		}
		return Kind.named(rest.get(0)).map((kind) -> last ? last(kind, now, zone) : current(kind, now, zone));
	}

	/**
	 * The first day after the period.
	 * @return the exclusive end date
	 */
	public LocalDate end() {
		return switch (this.kind) {
			case WEEK -> this.start.plusWeeks(1);
			case MONTH -> this.start.plusMonths(1);
			case QUARTER -> this.start.plusMonths(3);
		};
	}

	/**
	 * The period before this one.
	 * @return the previous period
	 */
	public Period previous() {
		return new Period(this.kind, this.start.minusDays(1), this.zone);
	}

	/**
	 * The half-open window of instants in this period.
	 * @return the window
	 */
	public TimeWindow toWindow() {
		return new TimeWindow(this.start.atStartOfDay(this.zone).toInstant(),
				end().atStartOfDay(this.zone).toInstant());
	}

	/**
	 * A stable key such as {@code 2026-W48}, {@code 2026-11} or {@code 2026-Q4}.
	 * @return the key
	 */
	public String key() {
		return switch (this.kind) {
			case WEEK -> String.format("%d-W%02d", this.start.get(IsoFields.WEEK_BASED_YEAR),
					this.start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
			case MONTH -> String.format("%d-%02d", this.start.getYear(), this.start.getMonthValue());
			case QUARTER -> String.format("%d-Q%d", this.start.getYear(), this.start.get(IsoFields.QUARTER_OF_YEAR));
		};
	}

	/**
	 * A label for people, such as {@code Week 48 (23–29 Nov 2026)} or
	 * {@code November 2026}.
	 * @return the label
	 */
	public String label() {
		return switch (this.kind) {
			case WEEK -> "Week " + this.start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + " (" + DAY.format(this.start)
					+ "–" + DAY.format(end().minusDays(1)) + " " + end().minusDays(1).getYear() + ")";
			case MONTH ->
				this.start.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + this.start.getYear();
			case QUARTER -> "Q" + this.start.get(IsoFields.QUARTER_OF_YEAR) + " " + this.start.getYear();
		};
	}

	/**
	 * The kinds of period.
	 */
	public enum Kind {

		/** An ISO week, Monday to Sunday. */
		WEEK,

		/** A calendar month. */
		MONTH,

		/** A calendar quarter. */
		QUARTER;

		LocalDate startOf(LocalDate day) {
			return switch (this) {
				case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				case MONTH -> day.withDayOfMonth(1);
				case QUARTER -> day.withDayOfMonth(1).withMonth(((day.getMonthValue() - 1) / 3) * 3 + 1);
			};
		}

		/**
		 * The kind a command word names.
		 * @param word {@code week}, {@code month} or {@code quarter}
		 * @return the kind, if the word names one
		 */
		public static Optional<Kind> named(String word) {
			return switch (word.toLowerCase(Locale.ROOT)) {
				case "week", "weekly" -> Optional.of(WEEK);
				case "month", "monthly" -> Optional.of(MONTH);
				case "quarter", "quarterly" -> Optional.of(QUARTER);
				default -> Optional.empty();
			};
		}

	}

}
