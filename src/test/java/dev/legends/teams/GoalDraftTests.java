package dev.legends.teams;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Goal validation: positive numbers, sensible ceilings, no start before the current
 * period.
 */
class GoalDraftTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

	@Test
	void problemsWhenSensibleFindsNone() {
		assertThat(new GoalDraft(GoalPeriod.MONTH, 30, 10, new BigDecimal("5.00"), 70, LocalDate.of(2026, 11, 1))
			.problems(TODAY)).isEmpty();
	}

	@Test
	void problemsWhenNumbersNotPositiveNamesEachField() {
		assertThat(new GoalDraft(GoalPeriod.WEEK, 0, -1, new BigDecimal("-3"), 0, TODAY).problems(TODAY))
			.containsOnlyKeys(GoalDraft.POINTS, GoalDraft.OUTCOMES, GoalDraft.COST, GoalDraft.CONFIRMED);
	}

	@Test
	void problemsWhenMoreOutcomesThanPointsAsksForFewerOutcomes() {
		assertThat(new GoalDraft(GoalPeriod.WEEK, 3, 5, null, null, TODAY).problems(TODAY))
			.containsOnlyKeys(GoalDraft.OUTCOMES);
	}

	@Test
	void problemsWhenCeilingAbsurdOrPercentOver100IsRefused() {
		assertThat(new GoalDraft(GoalPeriod.WEEK, 3, 1, new BigDecimal("20000"), 101, TODAY).problems(TODAY))
			.containsOnlyKeys(GoalDraft.COST, GoalDraft.CONFIRMED);
	}

	@Test
	void problemsWhenStartBeforeCurrentPeriodIsRefusedButPeriodStartIsFine() {
		assertThat(new GoalDraft(GoalPeriod.QUARTER, 3, 1, null, null, LocalDate.of(2026, 10, 1)).problems(TODAY))
			.isEmpty();
		assertThat(new GoalDraft(GoalPeriod.QUARTER, 3, 1, null, null, LocalDate.of(2026, 9, 30)).problems(TODAY))
			.containsOnlyKeys(GoalDraft.START);
		assertThat(new GoalDraft(GoalPeriod.WEEK, 3, 1, null, null, LocalDate.of(2026, 11, 22)).problems(TODAY))
			.containsOnlyKeys(GoalDraft.START);
	}

	@Test
	void windowOfWhenQuarterSpansThreeMonths() {
		assertThat(GoalPeriod.QUARTER.startOf(TODAY)).isEqualTo(LocalDate.of(2026, 10, 1));
		assertThat(GoalPeriod.QUARTER.endOf(TODAY)).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(GoalPeriod.WEEK.startOf(TODAY)).isEqualTo(LocalDate.of(2026, 11, 23));
	}

}
