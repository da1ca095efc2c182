package dev.legends.scoring;

import java.util.List;

/**
 * The inputs and arithmetic behind a person's scores in a period, for
 * {@code /legends why}.
 *
 * @param person the person's figures
 * @param period the period
 * @param outcomes every outcome of the period with how it counted
 * @param outcomesRank the person's row on the outcomes board, or {@code null}
 * @param outcomesNote why not ranked on outcomes, or {@code null}
 * @param efficiency the efficiency arithmetic
 * @param usageRank the person's row on the usage board, or {@code null}
 */
public record Explanation(PersonFigures person, Period period, List<OutcomeCredit> outcomes, BoardRow outcomesRank,
		String outcomesNote, EfficiencyWorking efficiency, BoardRow usageRank) {

	/**
	 * The outcomes that count.
	 * @return counted outcomes
	 */
	public List<OutcomeCredit> counted() {
		return this.outcomes.stream().filter(OutcomeCredit::counted).toList();
	}

	/**
	 * The outcomes that do not count, each with its reason.
	 * @return outcomes not counted
	 */
	public List<OutcomeCredit> notCounted() {
		return this.outcomes.stream().filter((outcome) -> !outcome.counted()).toList();
	}

	/**
	 * The efficiency figure with its inputs.
	 *
	 * @param points the person's points {@code P}
	 * @param costUsd the person's estimated cost {@code C}
	 * @param prior the group's rate {@code r} and weight {@code C0}
	 * @param score the shrunk efficiency
	 * @param arithmetic the formula with the numbers filled in
	 * @param rank the person's row on the efficiency board, or {@code null}
	 * @param notRankedReason why not ranked (no confirmed outcome, below minimum
	 * volume…), or {@code null}
	 */
	public record EfficiencyWorking(double points, double costUsd, Prior prior, double score, String arithmetic,
			BoardRow rank, String notRankedReason) {

	}

}
