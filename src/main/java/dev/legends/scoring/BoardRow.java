package dev.legends.scoring;

/**
 * One person's line on a board.
 *
 * @param rank the competition rank (1, 2, 2, 4…)
 * @param tied whether someone else shares the rank
 * @param person the person's figures
 * @param efficiency points per dollar after shrinkage, when computed
 */
public record BoardRow(int rank, boolean tied, PersonFigures person, Double efficiency) {

	/**
	 * The rank as shown: {@code =2} for a tie, {@code 2} otherwise.
	 * @return the shown rank
	 */
	public String rankLabel() {
		return (this.tied ? "=" : "") + this.rank;
	}

	/**
	 * The rank in a sentence: {@code #3}, or {@code #3 (tied)} when shared.
	 * @return the place
	 */
	public String place() {
		return "#" + this.rank + (this.tied ? " (tied)" : "");
	}

	/**
	 * The rank in a sentence among {@code ranked} people: {@code #3 of 9}, or
	 * {@code #3 of 9 (tied)} when shared.
	 * @param ranked how many are ranked (never shown below the rank itself)
	 * @return the place
	 */
	public String place(int ranked) {
		return "#" + this.rank + " of " + Math.max(ranked, this.rank) + (this.tied ? " (tied)" : "");
	}

}
