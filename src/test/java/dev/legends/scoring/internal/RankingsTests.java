package dev.legends.scoring.internal;

import java.util.List;

import dev.legends.scoring.Board;
import dev.legends.scoring.BoardKind;
import dev.legends.scoring.BoardRow;
import dev.legends.scoring.PersonFigures;
import dev.legends.scoring.Prior;
import dev.legends.scoring.UsageFigures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The three rankings with hand-computed examples (the worked example in docs/scoring.md).
 */
class RankingsTests {

	private static final Board.Rules RULES = new Board.Rules(1, 5.0);

	static PersonFigures person(long id, String name, double confirmed, int confirmedCount, double cost) {
		return new PersonFigures(id, name, true, confirmed, 0, confirmedCount, 0, UsageFigures.costing(cost));
	}

	private final PersonFigures ada = person(1, "Ada", 12, 3, 30);

	private final PersonFigures bo = person(2, "Bo", 3, 1, 6);

	private final PersonFigures cy = person(3, "Cy", 0, 0, 400);

	private final PersonFigures di = person(4, "Di", 8, 1, 60);

	private final List<PersonFigures> team = List.of(this.ada, this.bo, this.cy, this.di);

	@Test
	void priorWhenWeightUnsetIsTeamRateAndMedianCost() {
		Prior prior = Efficiency.prior(this.team, null, "team");
		assertThat(prior.pointsPerDollar()).isCloseTo(23.0 / 496.0, within(1e-12));
		assertThat(prior.weightUsd()).isEqualTo(45.0);
	}

	@Test
	void efficiencyWhenSmallSampleShrinksTowardTeamRate() {
		Prior prior = Efficiency.prior(this.team, null, "team");
		List<BoardRow> rows = Rankings.rank(BoardKind.EFFICIENCY, this.team, prior, RULES);
		assertThat(rows).extracting((row) -> row.person().name()).containsExactly("Ada", "Bo", "Di");
		assertThat(rows.get(0).efficiency()).isCloseTo(0.187823, within(1e-6));
		assertThat(rows.get(1).efficiency()).isCloseTo(0.099739, within(1e-6));
		assertThat(rows.get(2).efficiency()).isCloseTo(0.096064, within(1e-6));
		assertThat(Efficiency.arithmetic(12, 30, prior))
			.isEqualTo("(12 + 45.00 × 0.0464) / (30.00 + 45.00) = 0.188 points/$");
	}

	@Test
	void efficiencyWhenNoConfirmedOutcomeOrBelowMinimumVolumeIsNotRanked() {
		assertThat(Rankings.notRankedReason(BoardKind.EFFICIENCY, this.cy, RULES)).contains("no confirmed outcome yet");
		PersonFigures tiny = person(5, "Ed", 3, 1, 2);
		assertThat(Rankings.notRankedReason(BoardKind.EFFICIENCY, tiny, RULES))
			.contains("below the minimum volume of $5.00 estimated cost");
	}

	@Test
	void outcomesWhenHeavyUserHasNoPointsLeavesThemOff() {
		List<BoardRow> rows = Rankings.rank(BoardKind.OUTCOMES, this.team, null, RULES);
		assertThat(rows).extracting((row) -> row.person().name()).containsExactly("Ada", "Di", "Bo");
		assertThat(rows).extracting(BoardRow::rankLabel).containsExactly("1", "2", "3");
	}

	@Test
	void outcomesWhenPointsEqualShowsTiesWithCompetitionRanks() {
		List<PersonFigures> people = List.of(person(1, "Zoe", 8, 1, 1), person(2, "Al", 3, 1, 1),
				person(3, "Bea", 3, 1, 50), person(4, "Cal", 1, 1, 0));
		List<BoardRow> rows = Rankings.rank(BoardKind.OUTCOMES, people, null, RULES);
		assertThat(rows).extracting(BoardRow::rankLabel).containsExactly("1", "=2", "=2", "4");
		assertThat(rows).extracting((row) -> row.place(4))
			.containsExactly("#1 of 4", "#2 of 4 (tied)", "#2 of 4 (tied)", "#4 of 4");
		assertThat(rows).extracting(BoardRow::place).containsExactly("#1", "#2 (tied)", "#2 (tied)", "#4");
		assertThat(rows).extracting((row) -> row.person().name()).containsExactly("Zoe", "Al", "Bea", "Cal");
	}

	@Test
	void rankWhenPersonUnlistedLeavesThemOutAndPlaceAmongGivesTheirOwnRank() {
		PersonFigures hidden = new PersonFigures(9, "Hid", false, 10, 0, 2, 0, UsageFigures.costing(10));
		List<BoardRow> rows = Rankings.rank(BoardKind.OUTCOMES, List.of(this.ada, this.di, hidden), null, RULES);
		assertThat(rows).extracting((row) -> row.person().name()).containsExactly("Ada", "Di");
		assertThat(Rankings.placeAmong(BoardKind.OUTCOMES, rows, hidden, null).rank()).isEqualTo(2);
	}

	@Test
	void usageWhenRankedByCostKeepsOutcomesBeside() {
		List<BoardRow> rows = Rankings.rank(BoardKind.USAGE, this.team, null, RULES);
		assertThat(rows).extracting((row) -> row.person().name()).containsExactly("Cy", "Di", "Ada", "Bo");
		assertThat(rows.get(2).person().costPerPoint()).isEqualTo(2.5);
		assertThat(rows.get(0).person().costPerPoint()).isNull();
	}

}
