package dev.legends.scoring;

import java.util.List;

/**
 * A board as the viewer sees it: the top of the ranking among listed people plus the
 * viewer's own position.
 *
 * @param kind which board
 * @param period the period
 * @param scope the workspace or the team's name
 * @param top the first rows, ties shown as ties
 * @param rankedCount how many people are ranked in all
 * @param viewer the viewer's own row, or {@code null} when not ranked
 * @param viewerNote why the viewer is not ranked or not shown to others, or {@code null}
 * @param prior what efficiency shrinks toward (efficiency board), or {@code null}
 * @param rules the ranking rules in force
 */
public record Board(BoardKind kind, Period period, String scope, List<BoardRow> top, int rankedCount, BoardRow viewer,
		String viewerNote, Prior prior, Rules rules) {

	/**
	 * Whether the viewer's row is already among the top rows.
	 * @return {@code true} when the top rows include the viewer
	 */
	public boolean viewerInTop() {
		return this.viewer != null
				&& this.top.stream().anyMatch((row) -> row.person().memberId() == this.viewer.person().memberId());
	}

	/**
	 * The thresholds a person must meet to be ranked on the efficiency board.
	 *
	 * @param minConfirmedOutcomes confirmed outcomes needed
	 * @param minCostUsd estimated cost needed, in dollars
	 */
	public record Rules(int minConfirmedOutcomes, double minCostUsd) {

	}

}
