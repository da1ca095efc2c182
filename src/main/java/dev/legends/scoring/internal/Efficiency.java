package dev.legends.scoring.internal;

import java.util.List;
import java.util.Locale;

import dev.legends.scoring.PersonFigures;
import dev.legends.scoring.Prior;

/**
 * Efficiency with shrinkage: {@code (P + C0·r) / (C + C0)}, where {@code P} is a person's
 * points, {@code C} their estimated cost, {@code r} the group's points per dollar and
 * {@code C0} the prior weight in dollars.
 */
public final class Efficiency {

	private Efficiency() {
	}

	/**
	 * The shrunk efficiency of a person.
	 * @param points the person's points {@code P}
	 * @param costUsd the person's estimated cost {@code C}
	 * @param prior the group's rate and weight
	 * @return points per dollar
	 */
	public static double score(double points, double costUsd, Prior prior) {
		return (points + prior.weightUsd() * prior.pointsPerDollar()) / (costUsd + prior.weightUsd());
	}

	/**
	 * The formula with the numbers filled in, e.g.
	 * {@code (12 + 25.00 × 0.4000) / (30.00 + 25.00) = 0.400 points/$}.
	 * @param points the person's points
	 * @param costUsd the person's cost
	 * @param prior the prior
	 * @return the arithmetic
	 */
	public static String arithmetic(double points, double costUsd, Prior prior) {
		return String.format(Locale.ENGLISH, "(%s + %.2f × %.4f) / (%.2f + %.2f) = %.3f points/$",
				Numbers.points(points), prior.weightUsd(), prior.pointsPerDollar(), costUsd, prior.weightUsd(),
				score(points, costUsd, prior));
	}

	/**
	 * The prior of a group: its points per dollar, and as weight either the configured
	 * dollars or the median cost per person among those with any cost.
	 * @param group the people whose figures set the prior
	 * @param configuredWeightUsd a fixed weight, or {@code null} for the median
	 * @param source a description of the group, for explanations
	 * @return the prior
	 */
	public static Prior prior(List<PersonFigures> group, Double configuredWeightUsd, String source) {
		double points = group.stream().mapToDouble(PersonFigures::points).sum();
		double cost = group.stream().mapToDouble(PersonFigures::cost).sum();
		double rate = (cost > 0) ? points / cost : 0;
		double weight = (configuredWeightUsd != null) ? configuredWeightUsd : medianCost(group);
		return new Prior(rate, weight, source);
	}

	static double medianCost(List<PersonFigures> group) {
		double[] costs = group.stream().mapToDouble(PersonFigures::cost).filter((c) -> c > 0).sorted().toArray();
		if (costs.length == 0) {
			return 1.0;
		}
		int middle = costs.length / 2;
		return (costs.length % 2 == 1) ? costs[middle] : (costs[middle - 1] + costs[middle]) / 2;
	}

}
