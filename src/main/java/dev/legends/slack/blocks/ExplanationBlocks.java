package dev.legends.slack.blocks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.slack.api.model.block.LayoutBlock;
import dev.legends.scoring.BoardRow;
import dev.legends.scoring.Explanation;
import dev.legends.scoring.OutcomeCredit;
import dev.legends.scoring.PersonFigures;
import dev.legends.scoring.Prior;
import dev.legends.scoring.UsageFigures;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * Renders {@code /legends why}: which outcomes counted and how much, which did not and
 * why, the usage and cost behind efficiency, and the formula with its numbers.
 */
public final class ExplanationBlocks {

	private static final int MAX_LINES = 12;

	private static final int TITLE_LENGTH = 80;

	private ExplanationBlocks() {
	}

	/**
	 * Render an explanation.
	 * @param why the explanation
	 * @param own whether the viewer is the person explained
	 * @return the blocks
	 */
	public static List<LayoutBlock> render(Explanation why, boolean own) {
		PersonFigures p = why.person();
		List<LayoutBlock> blocks = new ArrayList<>();
		String who = own ? "your" : BoardBlocks.name(p.name()) + "'s";
		blocks.add(header((h) -> h.text(plainText("Why: " + who + " scores", true))));
		blocks.add(context((c) -> c.elements(List.of(markdownText(why.period().label()
				+ " · confirmed outcomes count fully, unconfirmed half (S/M/L = 1/3/8 points)")))));
		blocks.add(section((s) -> s.text(markdownText(pointsSummary(why)))));
		blocks.add(section((s) -> s.text(markdownText(outcomeLines("*Counted*", why.counted(), "_none_")))));
		if (!why.notCounted().isEmpty()) {
			blocks.add(section((s) -> s.text(markdownText(outcomeLines("*Not counted*", why.notCounted(), "")))));
		}
		blocks.add(divider());
		blocks.add(section((s) -> s.text(markdownText(usage(p.usage())))));
		blocks.add(section((s) -> s.text(markdownText(efficiency(why.efficiency())))));
		blocks.add(context((c) -> c.elements(List.of(markdownText(ranks(why))))));
		return blocks;
	}

	/**
	 * The plain-text fallback.
	 * @param why the explanation
	 * @return the text
	 */
	public static String fallback(Explanation why) {
		double points = why.person().points();
		return "Why: " + BoardBlocks.num(points) + ((points == 1) ? " point, " : " points, ")
				+ BoardBlocks.usd(why.person().cost()) + " estimated cost (" + why.period().label() + ")";
	}

	private static String pointsSummary(Explanation why) {
		PersonFigures p = why.person();
		return "*Outcome points: " + BoardBlocks.num(p.points()) + "* = " + BoardBlocks.num(p.confirmedPoints())
				+ " confirmed (" + p.confirmedOutcomes() + ") + " + BoardBlocks.num(p.pendingPoints())
				+ " awaiting confirmation (" + p.pendingOutcomes() + ", at half)";
	}

	private static String outcomeLines(String title, List<OutcomeCredit> outcomes, String none) {
		StringBuilder text = new StringBuilder(title);
		if (outcomes.isEmpty()) {
			return text.append("\n").append(none).toString();
		}
		outcomes.stream()
			.limit(MAX_LINES)
			.forEach((o) -> text.append("\n• ")
				.append(SlackText.echo(o.title(), TITLE_LENGTH))
				.append(" (")
				.append(o.kind())
				.append(", ")
				.append(o.size())
				.append("): *")
				.append(BoardBlocks.pts(o.creditedPoints()))
				.append("* — ")
				.append(SlackText.escape(o.reason()))
				.append((o.arithmetic() != null && !o.arithmetic().isBlank())
						? " (" + SlackText.escape(o.arithmetic()) + ")" : ""));
		if (outcomes.size() > MAX_LINES) {
			text.append("\n…and ").append(outcomes.size() - MAX_LINES).append(" more");
		}
		return text.toString();
	}

	private static String usage(UsageFigures u) {
		String text = String.format(Locale.ENGLISH,
				"*Usage:* %,d input · %,d output · %,d cache read · %,d cache write tokens · %,d requests\n"
						+ "*Estimated cost:* %s (Legends' price table)",
				u.inputTokens(), u.outputTokens(), u.cacheReadTokens(), u.cacheCreationTokens(), u.requests(),
				BoardBlocks.usd(u.estimatedCostUsd()));
		if (u.reportedCostUsd() > 0) {
			text += " · reported by sources: " + BoardBlocks.usd(u.reportedCostUsd());
		}
		if (u.priceUnknown()) {
			text += "\n:warning: Some usage is of a model without a known price, so the estimate is a lower bound.";
		}
		return text;
	}

	private static String efficiency(Explanation.EfficiencyWorking e) {
		Prior prior = e.prior();
		String text = "*Efficiency* = (P + C0·r) / (C + C0) where P = points, C = estimated cost, "
				+ String.format(Locale.ENGLISH, "r = the group's %.4f pts/$ and C0 = %s", prior.pointsPerDollar(),
						BoardBlocks.usd(prior.weightUsd()))
				+ " (from " + SlackText.escape(prior.source()) + ")\n`" + e.arithmetic() + "`";
		if (e.notRankedReason() != null) {
			text += "\nNot ranked on efficiency: " + e.notRankedReason() + ".";
		}
		return text;
	}

	private static String ranks(Explanation why) {
		return "Outcomes: " + rank(why.outcomesRank()) + " · Efficiency: " + rank(why.efficiency().rank())
				+ " · Usage (context): " + rank(why.usageRank());
	}

	private static String rank(BoardRow row) {
		return (row != null) ? row.place() : "not ranked";
	}

}
