package dev.legends.slack.scoring;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import dev.legends.scoring.Board;
import dev.legends.scoring.BoardKind;
import dev.legends.scoring.BoardRow;
import dev.legends.scoring.Explanation;
import dev.legends.scoring.OutcomeCredit;
import dev.legends.scoring.Period;
import dev.legends.scoring.PersonFigures;
import dev.legends.scoring.Prior;
import dev.legends.scoring.UsageFigures;
import dev.legends.slack.blocks.BoardBlocks;
import dev.legends.slack.blocks.ExplanationBlocks;
import dev.legends.testkit.Golden;
import dev.legends.testkit.SlackMessages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Board and explanation renderers against golden JSON, and within Block Kit limits for
 * 10,000 people.
 */
class BoardBlocksTests {

	private static final Period WEEK = new Period(Period.Kind.WEEK, LocalDate.of(2026, 11, 23), ZoneId.of("UTC"));

	private static final Board.Rules RULES = new Board.Rules(1, 5.0);

	private static final Prior PRIOR = new Prior(23.0 / 496, 45, "everyone, Week 47 (16 Nov–22 Nov 2026)");

	static PersonFigures person(long id, String name, double confirmed, double pending, int count, double cost) {
		return new PersonFigures(id, name, true, confirmed, pending, count, (pending > 0) ? 1 : 0,
				new UsageFigures(120_000, 30_000, 2_000_000, 50_000, 0, 40, 0, cost, false));
	}

	private final PersonFigures ada = person(1, "Ada Lovelace", 12, 0, 3, 30);

	private final PersonFigures bo = person(2, "Bo <!channel>", 3, 1.5, 1, 6);

	private final PersonFigures cy = person(3, "Cy", 0, 0, 0, 400);

	@Test
	void personalWhenOutcomesBoardShowsTiesViewerAndShareButton() {
		Board board = new Board(BoardKind.OUTCOMES, WEEK, "everyone", List.of(new BoardRow(1, true, this.ada, null),
				new BoardRow(1, true, person(4, "Di", 12, 0, 1, 60), null), new BoardRow(3, false, this.bo, null)), 3,
				null, "no outcome points in this period", null, RULES);
		List<LayoutBlock> blocks = BoardBlocks.personal(board, "OUTCOMES|WEEK|2026-11-23|");
		Golden.assertMatches("scoring/outcomes-board.json", blocks);
		String text = SlackMessages.visibleText(Golden.json(blocks));
		assertThat(text).contains("`=1` *Ada Lovelace*", "`=1` *Di*", "`3` *Bo &lt;!channel&gt;*")
			.doesNotContain("<!channel>", "<@");
	}

	@Test
	void personalWhenEfficiencyBoardExplainsShrinkageAndViewerRank() {
		BoardRow adaRow = new BoardRow(1, false, this.ada, 0.187823);
		Board board = new Board(BoardKind.EFFICIENCY, WEEK, "everyone",
				List.of(adaRow, new BoardRow(2, false, this.bo, 0.099739)), 2, adaRow, null, PRIOR, RULES);
		Golden.assertMatches("scoring/efficiency-board.json", BoardBlocks.personal(board, "x"));
	}

	@Test
	void sharedWhenUsageBoardIsTitledContextWithCostPerPoint() {
		Board board = new Board(
				BoardKind.USAGE, WEEK, "everyone", List.of(new BoardRow(1, false, this.cy, null),
						new BoardRow(2, false, this.ada, null), new BoardRow(3, false, this.bo, null)),
				3, null, null, null, RULES);
		List<LayoutBlock> blocks = BoardBlocks.shared(board, "Ada Lovelace");
		Golden.assertMatches("scoring/usage-board-shared.json", blocks);
		assertThat(SlackMessages.visibleText(Golden.json(blocks)))
			.contains("Usage (context, not a score)", "*Cy* — $400.00 · 0 pts · no outcomes",
					"*Ada Lovelace* — $30.00 · 12 pts · $2.50/pt")
			.doesNotContain("You:");
	}

	@Test
	void personalWhenTenThousandPeopleStaysWithinBlockKitLimits() {
		List<BoardRow> rows = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			rows.add(new BoardRow(i + 1, false,
					person(i, "Person with a rather long display name " + i + " ".repeat(60) + "x".repeat(80), 1000 - i,
							500, 9, 1234567.89),
					null));
		}
		BoardRow viewer = new BoardRow(9876, true, person(99, "Me", 1, 0, 1, 3), null);
		Board board = new Board(BoardKind.OUTCOMES, WEEK, "x".repeat(200), rows, 10_000, viewer, null, null, RULES);
		List<LayoutBlock> blocks = BoardBlocks.personal(board, "OUTCOMES|WEEK|2026-11-23|");
		assertThat(blocks.size()).isLessThanOrEqualTo(50);
		blocks.stream()
			.filter(SectionBlock.class::isInstance)
			.map((b) -> ((SectionBlock) b).getText().getText())
			.forEach((text) -> assertThat(text.length()).isLessThanOrEqualTo(3000));
		assertThat(Golden.json(blocks).length()).isLessThan(12_000);
		assertThat(SlackMessages.visibleText(Golden.json(blocks))).contains("*You:* #9876 of 10000 (tied)",
				"Top 10 of 10000 ranked");
	}

	@Test
	void explanationWhenOutcomesCountedAndNotShowsReasonsAndArithmetic() {
		List<OutcomeCredit> outcomes = List.of(
				new OutcomeCredit(1, "Billing export", "PR merged", "L", "confirmed", 8, "confirmed: full points",
						"L = 8 pts × 1 (confirmed)"),
				new OutcomeCredit(2, "Flaky test fix", "Bug fixed", "M", "pending", 1.5,
						"awaiting confirmation: half points", "M = 3 pts × ½ (pending)"),
				new OutcomeCredit(3, "Same PR again", "PR merged", "L", "pending", 0,
						"same link reported earlier: no points", ""),
				new OutcomeCredit(4, "Wiki page", "Doc", "S", "rejected", 0, "rejected: no points", ""));
		PersonFigures person = new PersonFigures(1, "Ada", true, 8, 1.5, 1, 1,
				new UsageFigures(120_000, 30_000, 2_000_000, 50_000, 0, 40, 25.5, 30, true));
		Explanation why = new Explanation(person, WEEK, outcomes, new BoardRow(2, false, person, null), null,
				new Explanation.EfficiencyWorking(9.5, 30, PRIOR, 0.1545,
						"(9.5 + 45.00 × 0.046) / (30.00 + 45.00) = 0.155 points/$",
						new BoardRow(1, false, person, 0.1545), null),
				new BoardRow(5, false, person, null));
		List<LayoutBlock> blocks = ExplanationBlocks.render(why, true);
		Golden.assertMatches("scoring/why.json", blocks);
		assertThat(SlackMessages.visibleText(Golden.json(blocks))).contains("Outcome points: 9.5",
				"Billing export (PR merged, L): *8 pts* — confirmed: full points",
				"Same PR again (PR merged, L): *0 pts* — same link reported earlier: no points",
				"(9.5 + 45.00 × 0.046) / (30.00 + 45.00) = 0.155 points/$", "lower bound");
	}

}
