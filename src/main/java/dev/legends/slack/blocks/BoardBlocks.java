package dev.legends.slack.blocks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.slack.api.model.block.LayoutBlock;
import dev.legends.scoring.Board;
import dev.legends.scoring.BoardKind;
import dev.legends.scoring.BoardRow;
import dev.legends.scoring.PersonFigures;
import dev.legends.scoring.Prior;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * Renders a board: the top rows with ties marked, the viewer's own position, and what the
 * board means; names are plain text, never @mentions. Bounded in size whatever the number
 * of people.
 */
public final class BoardBlocks {

	/** The action id of the "Share to channel" button. */
	public static final String SHARE_ACTION = "board_share";

	private static final int NAME_LENGTH = 40;

	private BoardBlocks() {
	}

	/**
	 * Render a board for the person who asked, with a "Share to channel" button when a
	 * share value is given.
	 * @param board the board
	 * @param shareValue the button's value, or {@code null} for no button
	 * @return the blocks
	 */
	public static List<LayoutBlock> personal(Board board, String shareValue) {
		List<LayoutBlock> blocks = common(board);
		blocks.add(divider());
		blocks.add(section((s) -> s.text(markdownText(viewerLine(board)))));
		if (shareValue != null) {
			blocks.add(actions((a) -> a.elements(List
				.of(button((b) -> b.actionId(SHARE_ACTION).text(plainText("Share to channel")).value(shareValue))))));
		}
		return blocks;
	}

	/**
	 * Render a board for a channel: no personal line, and who shared it.
	 * @param board the board, computed without a viewer
	 * @param sharedBy the display name of who shared it
	 * @return the blocks
	 */
	public static List<LayoutBlock> shared(Board board, String sharedBy) {
		List<LayoutBlock> blocks = common(board);
		blocks.add(context((c) -> c.elements(List.of(markdownText("Shared by " + name(sharedBy)
				+ ". People who opted out or are on vacation are not listed. `/legends why` shows the arithmetic.")))));
		return blocks;
	}

	/**
	 * The plain-text fallback for notifications.
	 * @param board the board
	 * @return the text
	 */
	public static String fallback(Board board) {
		return title(board) + " (" + board.period().label() + ")";
	}

	private static List<LayoutBlock> common(Board board) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(header((h) -> h.text(plainText(title(board), true))));
		blocks.add(context((c) -> c.elements(List.of(markdownText(
				board.period().label() + " · " + SlackText.escape(board.scope()) + " · " + meaning(board))))));
		String rows = board.top().isEmpty() ? emptyText(board)
				: board.top().stream().map((row) -> line(board.kind(), row)).collect(Collectors.joining("\n"));
		blocks.add(section((s) -> s.text(markdownText(rows))));
		if (board.rankedCount() > board.top().size()) {
			blocks.add(context((c) -> c.elements(List.of(markdownText("Top " + board.top().size() + " of "
					+ board.rankedCount() + " ranked. Ties share a rank (marked =).")))));
		}
		return blocks;
	}

	private static String title(Board board) {
		return switch (board.kind()) {
			case OUTCOMES -> "Outcomes board";
			case EFFICIENCY -> "Efficiency board";
			case USAGE -> "Usage (context, not a score)";
		};
	}

	private static String meaning(Board board) {
		return switch (board.kind()) {
			case OUTCOMES -> "Points from delivered outcomes (S/M/L = 1/3/8): confirmed count fully, "
					+ "unconfirmed half until a teammate confirms.";
			case EFFICIENCY -> efficiencyMeaning(board.prior(), board.rules());
			case USAGE -> "Estimated cost of AI usage, shown as context beside what it delivered. "
					+ "Outcomes are the score; this board is not.";
		};
	}

	private static String efficiencyMeaning(Prior prior, Board.Rules rules) {
		return String.format(Locale.ENGLISH,
				"Points per estimated dollar, evened out toward the group's own rate (from %s), so a small sample "
						+ "sits near the group instead of topping or sinking the board. Ranked with at least %d "
						+ "confirmed outcome%s and %s of usage. `/legends why` shows the arithmetic.",
				SlackText.escape(prior.source()), rules.minConfirmedOutcomes(),
				(rules.minConfirmedOutcomes() == 1) ? "" : "s", usd(rules.minCostUsd()));
	}

	private static String emptyText(Board board) {
		return switch (board.kind()) {
			case OUTCOMES ->
				"_No outcome points yet in this period. `/legends report` tells Legends what you shipped._";
			case EFFICIENCY ->
				"_Nobody meets the bar for efficiency yet: it takes a confirmed outcome and some usage._";
			case USAGE -> "_No usage recorded in this period._";
		};
	}

	static String line(BoardKind kind, BoardRow row) {
		return "`" + row.rankLabel() + "` *" + name(row.person().name()) + "* — " + body(kind, row);
	}

	private static String body(BoardKind kind, BoardRow row) {
		PersonFigures p = row.person();
		return switch (kind) {
			case OUTCOMES -> points(p) + outcomesCount(p);
			case EFFICIENCY -> String.format(Locale.ENGLISH, "%.3f pts/$ · %s for %s", row.efficiency(),
					pts(p.points()), usd(p.cost()));
			case USAGE -> usd(p.cost()) + (p.usage().priceUnknown() ? "+" : "") + " · " + pts(p.points()) + " · "
					+ costPerPoint(p);
		};
	}

	private static String viewerLine(Board board) {
		BoardRow row = board.viewer();
		if (row == null) {
			return "*You:* not ranked on this board — " + ((board.viewerNote() != null) ? board.viewerNote() : "")
					+ ".";
		}
		String text = "*You:* " + row.place(board.rankedCount()) + " — " + body(board.kind(), row);
		return (board.viewerNote() != null) ? text + "\n_" + board.viewerNote() + "._" : text;
	}

	private static String points(PersonFigures p) {
		String text = pts(p.points());
		if (p.pendingPoints() > 0) {
			text += " (" + num(p.confirmedPoints()) + " confirmed + " + num(p.pendingPoints()) + " pending)";
		}
		return text;
	}

	private static String outcomesCount(PersonFigures p) {
		int count = p.confirmedOutcomes() + p.pendingOutcomes();
		return " · " + count + ((count == 1) ? " outcome" : " outcomes");
	}

	private static String costPerPoint(PersonFigures p) {
		Double perPoint = p.costPerPoint();
		return (perPoint != null) ? usd(perPoint) + "/pt" : "no outcomes";
	}

	static String name(String name) {
		return SlackText.echo(name, NAME_LENGTH).replace("*", "");
	}

	/**
	 * Points with their unit, singular for exactly one: "1 pt", "2.5 pts".
	 * @param points the points
	 * @return the text
	 */
	static String pts(double points) {
		return num(points) + ((points == 1) ? " pt" : " pts");
	}

	static String num(double value) {
		if (Math.abs(value - Math.rint(value)) < 1e-9) {
			return String.valueOf((long) Math.rint(value));
		}
		return String.format(Locale.ENGLISH, "%.2f", value).replaceAll("0+$", "");
	}

	static String usd(double value) {
		return String.format(Locale.ENGLISH, "$%,.2f", value);
	}

}
