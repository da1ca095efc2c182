package dev.legends.digest;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What a digest says, as plain values: the period, what was delivered against what it
 * cost, the trend, goals, who delivered most and who improved most. Rendered by the Slack
 * edge.
 *
 * @param title the title, e.g. {@code Weekly digest · Platform}
 * @param periodLabel the period, e.g. {@code 16–22 Nov 2026}
 * @param periodKey the ledger key of the period
 * @param toDate whether the period is still running
 * @param sections the sections to show
 * @param totals the totals of the period
 * @param previousWeeks the four weeks before, oldest first, for the trend
 * @param goals progress against goals
 * @param topContributors who delivered most, by confirmed outcomes (listed people only)
 * @param mostImproved the largest gain in confirmed points per dollar, if any
 * @param notice a note on what is left out and why, if anything is
 */
public record Digest(String title, String periodLabel, String periodKey, boolean toDate, Set<DigestSection> sections,
		Totals totals, List<WeekFigures> previousWeeks, List<GoalLine> goals, List<Contributor> topContributors,
		Optional<Improvement> mostImproved, Optional<String> notice) {

	public Digest {
		sections = Set.copyOf(sections);
		previousWeeks = List.copyOf(previousWeeks);
		goals = List.copyOf(goals);
		topContributors = List.copyOf(topContributors);
	}

	/**
	 * Whether a section is included.
	 * @param section the section
	 * @return {@code true} when shown
	 */
	public boolean shows(DigestSection section) {
		return this.sections.contains(section);
	}

	/**
	 * Average cost per confirmed point over the previous weeks: total cost over total
	 * points, empty when they delivered no confirmed points.
	 * @return the average
	 */
	public OptionalDouble previousCostPerPoint() {
		double cost = this.previousWeeks.stream().mapToDouble(WeekFigures::estimatedCostUsd).sum();
		double points = this.previousWeeks.stream().mapToDouble(WeekFigures::confirmedPoints).sum();
		return (points > 0) ? OptionalDouble.of(cost / points) : OptionalDouble.empty();
	}

	/**
	 * Outcomes, points, cost and tokens in a span.
	 *
	 * @param confirmedOutcomes outcomes confirmed by a teammate or manager
	 * @param pendingOutcomes outcomes reported but not yet confirmed
	 * @param confirmedPoints points of confirmed outcomes
	 * @param pendingPoints points of pending outcomes (as they count now: half)
	 * @param estimatedCostUsd estimated cost from Legends' price table
	 * @param tokens tokens by class
	 */
	public record Totals(int confirmedOutcomes, int pendingOutcomes, double confirmedPoints, double pendingPoints,
			double estimatedCostUsd, Tokens tokens) {

		/** Nothing delivered, nothing spent. */
		public static final Totals NONE = new Totals(0, 0, 0, 0, 0, Tokens.NONE);

		/**
		 * Estimated cost divided by confirmed points.
		 * @return the figure, empty without confirmed points
		 */
		public OptionalDouble costPerConfirmedPoint() {
			return (this.confirmedPoints > 0) ? OptionalDouble.of(this.estimatedCostUsd / this.confirmedPoints)
					: OptionalDouble.empty();
		}

	}

	/**
	 * Tokens by class.
	 *
	 * @param input uncached input tokens
	 * @param output output tokens
	 * @param cacheRead cache read input tokens
	 * @param cacheWrite cache creation input tokens
	 * @param reasoning reasoning tokens
	 */
	public record Tokens(long input, long output, long cacheRead, long cacheWrite, long reasoning) {

		/** No tokens. */
		public static final Tokens NONE = new Tokens(0, 0, 0, 0, 0);

		/**
		 * All classes together.
		 * @return the sum
		 */
		public long total() {
			return this.input + this.output + this.cacheRead + this.cacheWrite + this.reasoning;
		}

	}

	/**
	 * One week of confirmed points and estimated cost, for the trend and the chart.
	 *
	 * @param weekStart the Monday the week starts on
	 * @param confirmedPoints confirmed points
	 * @param estimatedCostUsd estimated cost
	 */
	public record WeekFigures(LocalDate weekStart, double confirmedPoints, double estimatedCostUsd) {

	}

	/**
	 * Progress against one goal.
	 *
	 * @param label what the goal is about, e.g. {@code Platform · confirmed points}
	 * @param actual where the team stands
	 * @param target the goal
	 * @param higherIsBetter {@code false} for ceilings (e.g. cost per point)
	 * @param unit what the figures are: a count, dollars or a percentage
	 */
	public record GoalLine(String label, double actual, double target, boolean higherIsBetter, Unit unit) {

		/**
		 * A goal counted in points or outcomes.
		 * @param label what the goal is about
		 * @param actual where the team stands
		 * @param target the goal
		 * @param higherIsBetter {@code false} for ceilings
		 */
		public GoalLine(String label, double actual, double target, boolean higherIsBetter) {
			this(label, actual, target, higherIsBetter, Unit.COUNT);
		}

		/**
		 * What a goal's figures are.
		 */
		public enum Unit {

			/** Points or outcomes. */
			COUNT,

			/** US dollars, e.g. cost per confirmed point. */
			USD,

			/** A percentage, e.g. the share of outcomes confirmed. */
			PERCENT

		}

	}

	/**
	 * A person on the digest's list of contributors: a display name, never a mention.
	 *
	 * @param displayName the name shown
	 * @param confirmedOutcomes confirmed outcomes in the period
	 * @param confirmedPoints their points
	 */
	public record Contributor(String displayName, int confirmedOutcomes, double confirmedPoints) {

	}

	/**
	 * The person whose confirmed points per $100 rose most against their previous four
	 * weeks.
	 *
	 * @param displayName the name shown
	 * @param before points per $100 over the previous four weeks
	 * @param after points per $100 in this period
	 */
	public record Improvement(String displayName, double before, double after) {

	}

}
