package dev.legends.workspace;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * A half-open span of time {@code [start, end)}, the common currency for "this week" and
 * other periods across modules.
 *
 * @param start the first instant inside
 * @param end the first instant after
 */
public record TimeWindow(Instant start, Instant end) {

	public TimeWindow {
		if (end.isBefore(start)) {
			throw new IllegalArgumentException("end must not be before start");
		}
	}

	/**
	 * The ISO week (Monday 00:00 to the next Monday) containing an instant, in a zone.
	 * @param instant the instant
	 * @param zone the zone whose midnight counts
	 * @return the week
	 */
	public static TimeWindow isoWeekOf(Instant instant, ZoneId zone) {
		LocalDate monday = instant.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		ZonedDateTime start = monday.atStartOfDay(zone);
		return new TimeWindow(start.toInstant(), start.plusWeeks(1).toInstant());
	}

	/**
	 * Whether an instant lies inside.
	 * @param instant the instant
	 * @return {@code true} when {@code start <= instant < end}
	 */
	public boolean contains(Instant instant) {
		return !instant.isBefore(this.start) && instant.isBefore(this.end);
	}

}
