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

}
