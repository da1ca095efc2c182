package dev.legends.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import dev.legends.scoring.Period.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Periods: boundaries in a zone, keys, labels and the words of {@code /legends top}.
 */
class PeriodTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	// Friday 27 November 2026, 23:30 UTC = Saturday 00:30 in Berlin
	private static final Instant NOW = Instant.parse("2026-11-27T23:30:00Z");

	@Test
	void currentWhenWeekStartsOnMondayMidnightInZone() {
		Period week = Period.current(Kind.WEEK, NOW, BERLIN);
		assertThat(week.start()).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(week.toWindow().start()).isEqualTo(Instant.parse("2026-11-22T23:00:00Z"));
		assertThat(week.toWindow().end()).isEqualTo(Instant.parse("2026-11-29T23:00:00Z"));
		assertThat(week.key()).isEqualTo("2026-W48");
		assertThat(week.label()).isEqualTo("Week 48 (23 Nov–29 Nov 2026)");
	}

	@Test
	void currentWhenMonthOrQuarterGivesCalendarBoundaries() {
		Period month = Period.current(Kind.MONTH, NOW, BERLIN);
		assertThat(month.key()).isEqualTo("2026-11");
		assertThat(month.label()).isEqualTo("November 2026");
		Period quarter = Period.current(Kind.QUARTER, NOW, BERLIN);
		assertThat(quarter.start()).isEqualTo(LocalDate.of(2026, 10, 1));
		assertThat(quarter.end()).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(quarter.key()).isEqualTo("2026-Q4");
		assertThat(quarter.label()).isEqualTo("Q4 2026");
	}

	@Test
	void keyWhenWeekBelongsToPreviousIsoYearUsesWeekBasedYear() {
		Period week = Period.current(Kind.WEEK, Instant.parse("2027-01-01T12:00:00Z"), ZoneId.of("UTC"));
		assertThat(week.key()).isEqualTo("2026-W53");
	}

	@Test
	void parseWhenWordsNamePeriodsReturnsThem() {
		assertThat(Period.parse(List.of(), NOW, BERLIN)).contains(Period.current(Kind.WEEK, NOW, BERLIN));
		assertThat(Period.parse(List.of("last", "week"), NOW, BERLIN).get().key()).isEqualTo("2026-W47");
		assertThat(Period.parse(List.of("last", "quarter"), NOW, BERLIN).get().key()).isEqualTo("2026-Q3");
		assertThat(Period.parse(List.of("month"), NOW, BERLIN).get().key()).isEqualTo("2026-11");
		assertThat(Period.parse(List.of("fortnight"), NOW, BERLIN)).isEmpty();
		assertThat(Period.parse(List.of("last"), NOW, BERLIN)).isEmpty();
	}

	@Test
	void previousWhenMonthIsJanuaryGoesToDecember() {
		Period january = new Period(Kind.MONTH, LocalDate.of(2027, 1, 15), BERLIN);
		assertThat(january.previous().key()).isEqualTo("2026-12");
	}

}
