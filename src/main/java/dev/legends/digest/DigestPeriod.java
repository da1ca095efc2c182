package dev.legends.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Locale;

import dev.legends.workspace.TimeWindow;

/**
 * The span a digest covers and the key that identifies it in the delivery ledger and in
 * the Slack message's metadata.
 *
 * @param key the ledger key, e.g. {@code week:2026-W47}
 * @param window the span covered
 * @param zone the schedule's timezone
 * @param toDate whether this is a period-to-date digest ({@code digest now})
 */
record DigestPeriod(String key, TimeWindow window, ZoneId zone, boolean toDate) {

	private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ENGLISH);

	/**
	 * The last full ISO week before an instant (what a scheduled digest covers).
	 * @param reference when the digest is due
	 * @param zone the schedule's timezone
	 * @return the period
	 */
	static DigestPeriod lastFullWeek(Instant reference, ZoneId zone) {
		TimeWindow current = TimeWindow.isoWeekOf(reference, zone);
		TimeWindow previous = TimeWindow.isoWeekOf(current.start().minusSeconds(1), zone);
		return new DigestPeriod("week:" + isoWeek(previous.start(), zone), previous, zone, false);
	}

	/**
	 * The current ISO week up to an instant (what {@code digest now} covers); the key
	 * names the minute, so that a repeated request within it posts once.
	 * @param now the instant
	 * @param zone the schedule's timezone
	 * @return the period
	 */
	static DigestPeriod weekToDate(Instant now, ZoneId zone) {
		TimeWindow current = TimeWindow.isoWeekOf(now, zone);
		String key = "now:" + isoWeek(current.start(), zone) + ":" + MINUTE.format(now.atZone(zone));
		return new DigestPeriod(key, new TimeWindow(current.start(), now), zone, true);
	}

	/**
	 * Rebuild a period from its key (for retries).
	 * @param key the key, as made by {@link #lastFullWeek} or {@link #weekToDate}
	 * @param zone the schedule's timezone
	 * @return the period
	 */
	static DigestPeriod parse(String key, ZoneId zone) {
		String[] parts = key.split(":", 3);
		String[] week = parts[1].split("-W");
		LocalDate monday = LocalDate.of(Integer.parseInt(week[0]), 6, 1)
			.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(week[1]))
			.with(java.time.DayOfWeek.MONDAY);
		Instant start = monday.atStartOfDay(zone).toInstant();
		if ("now".equals(parts[0])) {
			Instant until = java.time.LocalDateTime.parse(parts[2], MINUTE).atZone(zone).toInstant();
			return new DigestPeriod(key, new TimeWindow(start, until), zone, true);
		}
		return new DigestPeriod(key, new TimeWindow(start, monday.plusWeeks(1).atStartOfDay(zone).toInstant()), zone,
				false);
	}

	/**
	 * The ISO week label of an instant, e.g. {@code 2026-W47}.
	 * @param instant the instant
	 * @param zone the zone
	 * @return the label
	 */
	static String isoWeek(Instant instant, ZoneId zone) {
		LocalDate date = instant.atZone(zone).toLocalDate();
		return String.format(Locale.ROOT, "%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
				date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	/**
	 * A human label, e.g. {@code 16–22 Nov 2026} or {@code 23–25 Nov 2026 (so far)}.
	 * @return the label
	 */
	String label() {
		LocalDate first = this.window.start().atZone(this.zone).toLocalDate();
		LocalDate last = this.window.end().minusNanos(1).atZone(this.zone).toLocalDate();
		String range = (first.getMonth() == last.getMonth()) ? first.getDayOfMonth() + "–" + FULL.format(last)
				: DAY_MONTH.format(first) + " – " + FULL.format(last);
		return this.toDate ? range + " (so far)" : range;
	}

}
