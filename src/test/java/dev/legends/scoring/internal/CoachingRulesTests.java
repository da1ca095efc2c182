package dev.legends.scoring.internal;

import java.util.List;
import java.util.Optional;

import dev.legends.scoring.CoachingFlag;
import dev.legends.scoring.ScoringProperties;
import dev.legends.scoring.internal.CoachingRules.Week;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly coaching rules, with hand-made weeks (oldest first, the last one judged).
 */
class CoachingRulesTests {

	private static final ScoringProperties.Coaching SETTINGS = ScoringProperties.Coaching.defaults();

	@Test
	void evaluateWhenSpendTripledAndOutcomesFlatRaisesSpendSpike() {
		// trailing costs 10, 12, 8, 11 -> median 10.5; 3x = 31.5
		Optional<CoachingFlag> flag = CoachingRules.evaluate(List.of(new Week(3, 1, 10), new Week(3, 1, 12),
				new Week(3, 1, 8), new Week(3, 1, 11), new Week(3, 1, 32)), SETTINGS);
		assertThat(flag).map(CoachingFlag::kind).contains(CoachingFlag.Kind.SPEND_SPIKE);
		assertThat(flag.get().trailingMedianCostUsd()).isEqualTo(10.5);
	}

	@Test
	void evaluateWhenSpendTripledButOutcomesUpRaisesNothing() {
		assertThat(CoachingRules.evaluate(List.of(new Week(3, 1, 10), new Week(3, 1, 12), new Week(3, 1, 8),
				new Week(3, 1, 11), new Week(8, 1, 40)), SETTINGS))
			.isEmpty();
	}

	@Test
	void evaluateWhenJustUnderThreeTimesMedianRaisesNothing() {
		assertThat(CoachingRules.evaluate(List.of(new Week(3, 1, 10), new Week(3, 1, 12), new Week(3, 1, 8),
				new Week(3, 1, 11), new Week(3, 1, 31.4)), SETTINGS))
			.isEmpty();
	}

	@Test
	void evaluateWhenHeavyUsageAndNoOutcomesTwoWeeksRaisesUsageWithoutOutcomes() {
		Optional<CoachingFlag> flag = CoachingRules.evaluate(List.of(new Week(0, 0, 50), new Week(0, 0, 45),
				new Week(0, 0, 60), new Week(0, 0, 55), new Week(0, 0, 52)), SETTINGS);
		assertThat(flag).map(CoachingFlag::kind).contains(CoachingFlag.Kind.USAGE_WITHOUT_OUTCOMES);
	}

	@Test
	void evaluateWhenOnlyOneQuietHeavyWeekRaisesNothing() {
		assertThat(CoachingRules.evaluate(List.of(new Week(0, 0, 50), new Week(0, 0, 45), new Week(0, 0, 60),
				new Week(3, 1, 55), new Week(0, 0, 52)), SETTINGS))
			.isEmpty();
	}

	@Test
	void evaluateWhenOutcomesUpAndSpendDownRaisesKudos() {
		Optional<CoachingFlag> flag = CoachingRules.evaluate(List.of(new Week(3, 1, 40), new Week(1, 1, 40),
				new Week(3, 1, 40), new Week(1, 1, 40), new Week(8, 2, 25)), SETTINGS);
		assertThat(flag).map(CoachingFlag::kind).contains(CoachingFlag.Kind.KUDOS);
		assertThat(flag.get().trailingAveragePoints()).isEqualTo(2.0);
	}

	@Test
	void evaluateWhenFewerThanFiveWeeksRaisesNothing() {
		assertThat(CoachingRules.evaluate(List.of(new Week(0, 0, 1), new Week(0, 0, 100)), SETTINGS)).isEmpty();
	}

}
