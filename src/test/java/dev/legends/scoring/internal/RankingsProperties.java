package dev.legends.scoring.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.legends.scoring.Board;
import dev.legends.scoring.BoardKind;
import dev.legends.scoring.BoardRow;
import dev.legends.scoring.PersonFigures;
import dev.legends.scoring.Prior;
import dev.legends.scoring.UsageFigures;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties the boards must keep for any team: usage never buys rank, confirmation never
 * hurts, and a heavy user with nothing delivered never tops the default board. The
 * efficiency prior comes from the group's previous period (as {@code Scoring} computes
 * it), so this period's usage cannot move it; a prior from the same period would let a
 * person's extra spend lower everyone else's figure (jqwik found such a case).
 */
class RankingsProperties {

	private static final Board.Rules RULES = new Board.Rules(1, 5.0);

	private static final double[] POINTS = { 1, 3, 8 };

	@Property(tries = 1000)
	void moreUsageAtEqualOutcomesNeverRaisesRank(@ForAll("teams") List<PersonFigures> team,
			@ForAll @IntRange(min = 0, max = 19) int index, @ForAll @DoubleRange(min = 0.01, max = 5000) double more,
			@ForAll("priors") Prior prior) {
		int who = index % team.size();
		PersonFigures before = team.get(who);
		List<PersonFigures> after = new ArrayList<>(team);
		after.set(who, withCost(before, before.cost() + more));
		for (BoardKind kind : List.of(BoardKind.OUTCOMES, BoardKind.EFFICIENCY)) {
			Optional<Integer> rankAfter = rankOf(kind, after, before.memberId(), prior);
			if (rankAfter.isPresent()) {
				assertThat(rankAfter.get()).as(kind + " rank")
					.isGreaterThanOrEqualTo(placeOf(kind, team, before, prior));
			}
		}
	}

	@Property(tries = 1000)
	void unconfirmedOutcomeNeverOutweighsTheSameConfirmedOne(@ForAll("teams") List<PersonFigures> team,
			@ForAll @IntRange(min = 0, max = 19) int index, @ForAll @IntRange(min = 0, max = 2) int size,
			@ForAll("priors") Prior prior) {
		int who = index % team.size();
		PersonFigures base = team.get(who);
		double points = POINTS[size];
		PersonFigures confirmed = new PersonFigures(base.memberId(), base.name(), true, base.confirmedPoints() + points,
				base.pendingPoints(), base.confirmedOutcomes() + 1, base.pendingOutcomes(), base.usage());
		PersonFigures pending = new PersonFigures(base.memberId(), base.name(), true, base.confirmedPoints(),
				base.pendingPoints() + points / 2, base.confirmedOutcomes(), base.pendingOutcomes() + 1, base.usage());
		List<PersonFigures> withConfirmed = new ArrayList<>(team);
		withConfirmed.set(who, confirmed);
		List<PersonFigures> withPending = new ArrayList<>(team);
		withPending.set(who, pending);
		for (BoardKind kind : List.of(BoardKind.OUTCOMES, BoardKind.EFFICIENCY)) {
			Optional<Integer> rankPending = rankOf(kind, withPending, base.memberId(), prior);
			Optional<Integer> rankConfirmed = rankOf(kind, withConfirmed, base.memberId(), prior);
			if (rankPending.isPresent()) {
				assertThat(rankConfirmed).as(kind + " ranked when confirmed").isPresent();
				assertThat(rankConfirmed.get()).as(kind + " rank").isLessThanOrEqualTo(rankPending.get());
			}
		}
	}

	@Property(tries = 1000)
	void heavyUsageWithoutOutcomesNeverTopsTheDefaultBoard(@ForAll("teams") List<PersonFigures> team,
			@ForAll @DoubleRange(min = 100, max = 100000) double cost) {
		List<PersonFigures> withHeavy = new ArrayList<>(team);
		withHeavy.add(new PersonFigures(999, "Heavy", true, 0, 0, 0, 0, UsageFigures.costing(cost)));
		for (BoardKind kind : List.of(BoardKind.OUTCOMES, BoardKind.EFFICIENCY)) {
			List<BoardRow> rows = Rankings.rank(kind, withHeavy, prior(withHeavy), RULES);
			assertThat(rows).noneMatch((row) -> row.person().memberId() == 999);
		}
	}

	/**
	 * Priors as scoring takes them: from the group's previous period, so independent of
	 * this period's usage.
	 */
	@Provide
	Arbitrary<Prior> priors() {
		return teams().map((history) -> Efficiency.prior(history, null, "previous period"));
	}

	@Provide
	Arbitrary<List<PersonFigures>> teams() {
		Arbitrary<Double> points = Arbitraries.of(0.0, 0.5, 1.0, 1.5, 3.0, 4.0, 8.0, 11.0, 16.0, 24.0);
		Arbitrary<Integer> confirmedCount = Arbitraries.integers().between(0, 4);
		Arbitrary<Double> cost = Arbitraries.oneOf(Arbitraries.just(0.0),
				Arbitraries.doubles().between(0.01, 3000).ofScale(2));
		Arbitrary<PersonFigures> person = Combinators.combine(points, points, confirmedCount, cost)
			.as((confirmed, pending, count, c) -> new PersonFigures(0, "", true, (count == 0) ? 0 : confirmed, pending,
					count, (pending > 0) ? 1 : 0, UsageFigures.costing(c)));
		return person.list().ofMinSize(1).ofMaxSize(20).map(RankingsProperties::numbered);
	}

	private static List<PersonFigures> numbered(List<PersonFigures> people) {
		List<PersonFigures> result = new ArrayList<>();
		for (int i = 0; i < people.size(); i++) {
			PersonFigures p = people.get(i);
			result.add(new PersonFigures(i + 1, "P" + (i + 1), true, p.confirmedPoints(), p.pendingPoints(),
					p.confirmedOutcomes(), p.pendingOutcomes(), p.usage()));
		}
		return result;
	}

	private static Optional<Integer> rankOf(BoardKind kind, List<PersonFigures> team, long memberId, Prior prior) {
		return Rankings.rank(kind, team, prior, RULES)
			.stream()
			.filter((row) -> row.person().memberId() == memberId)
			.map(BoardRow::rank)
			.findFirst();
	}

	/**
	 * The rank a person has, or would have if the minimum volume did not keep them off.
	 */
	private static int placeOf(BoardKind kind, List<PersonFigures> team, PersonFigures person, Prior prior) {
		List<BoardRow> ranked = Rankings.rank(kind, team, prior, RULES);
		return ranked.stream()
			.filter((row) -> row.person().memberId() == person.memberId())
			.map(BoardRow::rank)
			.findFirst()
			.orElseGet(() -> Rankings.placeAmong(kind, ranked, person, prior).rank());
	}

	private static Prior prior(List<PersonFigures> team) {
		return Efficiency.prior(team, null, "team");
	}

	private static PersonFigures withCost(PersonFigures person, double cost) {
		return new PersonFigures(person.memberId(), person.name(), person.listed(), person.confirmedPoints(),
				person.pendingPoints(), person.confirmedOutcomes(), person.pendingOutcomes(),
				UsageFigures.costing(cost));
	}

}
