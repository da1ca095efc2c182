package dev.legends.scoring.internal;

import java.util.List;
import java.util.Optional;

import dev.legends.scoring.CoachingFlag;
import dev.legends.scoring.ScoringProperties;

/**
 * The weekly coaching rules as a pure function of a person's last weeks.
 */
public final class CoachingRules {

	private static final int TRAILING = 4;

	private CoachingRules() {
	}

	/**
	 * The flag for the newest week, if any; a spend spike comes before two quiet weeks,
	 * which come before a kudos.
	 * @param weeks at least five weeks, oldest first; the last is the week judged
	 * @param settings the thresholds
	 * @return the flag, or empty
	 */
	public static Optional<CoachingFlag> evaluate(List<Week> weeks, ScoringProperties.Coaching settings) {
		if (weeks.size() < TRAILING + 1) {
			return Optional.empty();
		}
		Week week = weeks.get(weeks.size() - 1);
		List<Week> trailing = weeks.subList(weeks.size() - 1 - TRAILING, weeks.size() - 1);
		double medianCost = median(trailing.stream().mapToDouble(Week::costUsd).sorted().toArray());
		double averagePoints = trailing.stream().mapToDouble(Week::points).average().orElse(0);
		boolean outcomesUp = week.points() > averagePoints;
		if (medianCost > 0 && week.costUsd() >= settings.spendMultiple() * medianCost && !outcomesUp) {
			return Optional.of(flag(CoachingFlag.Kind.SPEND_SPIKE, week, medianCost, averagePoints));
		}
		Week before = weeks.get(weeks.size() - 2);
		if (heavyWithoutOutcomes(week, settings) && heavyWithoutOutcomes(before, settings)) {
			return Optional.of(flag(CoachingFlag.Kind.USAGE_WITHOUT_OUTCOMES, week, medianCost, averagePoints));
		}
		if (outcomesUp && week.confirmedOutcomes() > 0 && medianCost > 0 && week.costUsd() < medianCost) {
			return Optional.of(flag(CoachingFlag.Kind.KUDOS, week, medianCost, averagePoints));
		}
		return Optional.empty();
	}

	private static boolean heavyWithoutOutcomes(Week week, ScoringProperties.Coaching settings) {
		return week.costUsd() >= settings.heavyUsageUsd() && week.points() == 0;
	}

	private static CoachingFlag flag(CoachingFlag.Kind kind, Week week, double medianCost, double averagePoints) {
		return new CoachingFlag(kind, week.costUsd(), medianCost, week.points(), averagePoints);
	}

	private static double median(double[] sorted) {
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/**
	 * One week of a person's figures.
	 *
	 * @param points outcome points credited
	 * @param confirmedOutcomes confirmed outcomes
	 * @param costUsd estimated cost
	 */
	public record Week(double points, int confirmedOutcomes, double costUsd) {

	}

}
