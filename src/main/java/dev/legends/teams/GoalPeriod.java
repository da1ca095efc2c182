package dev.legends.teams;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

import dev.legends.workspace.TimeWindow;

/**
 * How long a goal's period runs: its targets apply to each calendar week, month or
 * quarter.
 */
public enum GoalPeriod {

	/** An ISO week, Monday to Sunday. */
	WEEK("week"),

	/** A calendar month. */
	MONTH("month"),

	/** A calendar quarter (January, April, July, October). */
	QUARTER("quarter");

	private final String label;

	GoalPeriod(String label) {
		this.label = label;
	}

	/**
	 * The lower-case word for this period ("week").
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * The first day of the period containing a date.
	 * @param date the date
	 * @return the first day
	 */
	public LocalDate startOf(LocalDate date) {
		return switch (this) {
			case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> date.withDayOfMonth(1);
			case QUARTER -> date.with(IsoFields.DAY_OF_QUARTER, 1);
		};
	}

	/**
	 * The first day after the period containing a date.
	 * @param date the date
	 * @return the first day of the next period
	 */
	public LocalDate endOf(LocalDate date) {
		LocalDate start = startOf(date);
		return switch (this) {
			case WEEK -> start.plusWeeks(1);
			case MONTH -> start.plusMonths(1);
			case QUARTER -> start.plusMonths(3);
		};
	}

	/**
	 * The period containing a date as a window from midnight to midnight in a zone.
	 * @param date the date
	 * @param zone the zone whose midnight counts
	 * @return the window
	 */
	public TimeWindow windowOf(LocalDate date, ZoneId zone) {
		return new TimeWindow(startOf(date).atStartOfDay(zone).toInstant(), endOf(date).atStartOfDay(zone).toInstant());
	}

	/**
	 * Find a period by its label or name, ignoring case.
	 * @param text e.g. {@code month}
	 * @return the period, if the text names one
	 */
	public static Optional<GoalPeriod> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String wanted = text.strip().toLowerCase(Locale.ROOT);
		for (GoalPeriod period : values()) {
			if (period.label.equals(wanted)) {
				return Optional.of(period);
			}
		}
		return Optional.empty();
	}

}
