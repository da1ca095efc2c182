package dev.legends.slack.blocks;

import java.util.List;
import java.util.Locale;

import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.LayoutBlock;
import dev.legends.ingest.CodingActivity.ActivityTotals;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * Claude Code activity signals (sessions, lines, commits, pull requests from the Claude
 * Code analytics import), always labelled as activity: context beside outcomes, never
 * counted as one.
 */
public final class ActivityBlocks {

	private ActivityBlocks() {
	}

	/**
	 * A context block with the sums, or nothing when no activity was imported.
	 * @param totals the sums
	 * @param when the period, as in "this week" or "in Week 48 (23–29 Nov 2026)"
	 * @return the block, or an empty list
	 */
	public static List<LayoutBlock> context(ActivityTotals totals, String when) {
		if (totals.days() == 0) {
			return List.of();
		}
		return List.of(Blocks.context((c) -> c.elements(List.of(markdownText(text(totals, when))))));
	}

	/**
	 * The line itself.
	 * @param totals the sums
	 * @param when the period
	 * @return the text
	 */
	public static String text(ActivityTotals totals, String when) {
		return String.format(Locale.ENGLISH,
				"*Claude Code activity %s* (activity, not outcomes: it changes no score): %,d sessions · "
						+ "+%,d / −%,d lines · %,d commits · %,d pull requests",
				when, totals.sessions(), totals.linesAdded(), totals.linesRemoved(), totals.commits(),
				totals.pullRequests());
	}

}
