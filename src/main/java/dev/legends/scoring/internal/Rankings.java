package dev.legends.scoring.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.legends.scoring.Board;
import dev.legends.scoring.BoardKind;
import dev.legends.scoring.BoardRow;
import dev.legends.scoring.PersonFigures;
import dev.legends.scoring.Prior;

/**
 * The three rankings as pure functions: who is ranked, by what figure, with competition
 * ranks so that equal figures share a rank.
 */
public final class Rankings {

	private static final double TIE = 1e-9;

	private Rankings() {
	}

	/**
	 * Rank the listed people of a group on a board.
	 * @param kind the board
	 * @param people everyone in the group (unlisted people are left out)
	 * @param prior the efficiency prior (used by the efficiency board only)
	 * @param rules the efficiency thresholds
	 * @return ranked rows, best first
	 */
	public static List<BoardRow> rank(BoardKind kind, List<PersonFigures> people, Prior prior, Board.Rules rules) {
		return rank(kind, people, prior, rules, Map.of());
	}

	/**
	 * Rank the listed people of a group on a board, equal figures in the order of
	 * {@link #byName}: by name ignoring case, then by member id.
	 * @param kind the board
	 * @param people everyone in the group (unlisted people are left out)
	 * @param prior the efficiency prior (used by the efficiency board only)
	 * @param rules the efficiency thresholds
	 * @param byName each person's place in name order (see {@link #byName}), computed
	 * once for many rankings; when anyone ranked is missing from it, the group's order is
	 * computed here
	 * @return ranked rows, best first
	 */
	public static List<BoardRow> rank(BoardKind kind, List<PersonFigures> people, Prior prior, Board.Rules rules,
			Map<Long, Integer> byName) {
		List<PersonFigures> ranked = people.stream()
			.filter(PersonFigures::listed)
			.filter((person) -> isRanked(kind, person, rules))
			.toList();
		// a group whose order is not given is put in the same order here
		Map<Long, Integer> places = ranked.stream().allMatch((person) -> byName.containsKey(person.memberId())) ? byName
				: byName(ranked.stream()
					.collect(Collectors.toMap(PersonFigures::memberId, PersonFigures::name, (a, b) -> a)));
		// each person's figure computed once, not on every comparison of the sort
		List<Scored> sorted = ranked.stream()
			.map((person) -> new Scored(person, score(kind, person, prior), places.get(person.memberId())))
			.sorted(Comparator.comparingDouble((Scored person) -> -person.score()).thenComparingInt(Scored::place))
			.toList();
		List<BoardRow> rows = new ArrayList<>(sorted.size());
		for (int i = 0; i < sorted.size(); i++) {
			double score = sorted.get(i).score();
			int rank = (i > 0 && same(score, sorted.get(i - 1).score())) ? rows.get(i - 1).rank() : i + 1;
			boolean tied = (i > 0 && rows.get(i - 1).rank() == rank)
					|| (i + 1 < sorted.size() && same(score, sorted.get(i + 1).score()));
			PersonFigures person = sorted.get(i).person();
			rows.add(new BoardRow(rank, tied, person, efficiencyOf(kind, person, prior)));
		}
		return rows;
	}

	/**
	 * Each person's place in the order boards list equal figures in: by name ignoring
	 * case, then by member id (comparing names ignoring case is most of a ranking's cost
	 * when many people have the same points, so a group's order is computed once).
	 * @param names each person's name, by member id
	 * @return each person's place, from 0
	 */
	public static Map<Long, Integer> byName(Map<Long, String> names) {
		List<Map.Entry<Long, String>> ordered = new ArrayList<>(names.entrySet());
		ordered.sort(Map.Entry.<Long, String>comparingByValue(String.CASE_INSENSITIVE_ORDER)
			.thenComparing(Map.Entry.comparingByKey()));
		Map<Long, Integer> places = new HashMap<>(ordered.size() * 2);
		for (int i = 0; i < ordered.size(); i++) {
			places.put(ordered.get(i).getKey(), i);
		}
		return Collections.unmodifiableMap(places);
	}

	/**
	 * The rank a person would have among already ranked rows (for someone not listed).
	 * @param kind the board
	 * @param ranked the ranked rows
	 * @param person the person
	 * @param prior the efficiency prior
	 * @return the row the person would have
	 */
	public static BoardRow placeAmong(BoardKind kind, List<BoardRow> ranked, PersonFigures person, Prior prior) {
		double score = score(kind, person, prior);
		int above = 0;
		boolean tied = false;
		for (BoardRow row : ranked) {
			double other = score(kind, row.person(), prior);
			if (same(other, score)) {
				tied = true;
			}
			else if (other > score) {
				above++;
			}
		}
		return new BoardRow(above + 1, tied, person, efficiencyOf(kind, person, prior));
	}

	/**
	 * Why a person is not ranked on a board, if they are not.
	 * @param kind the board
	 * @param person the person
	 * @param rules the efficiency thresholds
	 * @return the reason, or empty when ranked
	 */
	public static Optional<String> notRankedReason(BoardKind kind, PersonFigures person, Board.Rules rules) {
		if (isRanked(kind, person, rules)) {
			return Optional.empty();
		}
		return switch (kind) {
			case OUTCOMES -> Optional.of("no outcome points in this period");
			case USAGE -> Optional.of("no usage recorded in this period");
			case EFFICIENCY -> efficiencyReason(person, rules);
		};
	}

	/**
	 * Whether a person is ranked on a board ({@link #notRankedReason} without its text: a
	 * board decides it for everyone in the group).
	 * @param kind the board
	 * @param person the person
	 * @param rules the efficiency thresholds
	 * @return whether they are ranked
	 */
	public static boolean isRanked(BoardKind kind, PersonFigures person, Board.Rules rules) {
		return switch (kind) {
			case OUTCOMES -> person.points() > 0;
			case USAGE -> person.cost() > 0 || person.usage().totalTokens() > 0;
			case EFFICIENCY ->
				person.confirmedOutcomes() >= rules.minConfirmedOutcomes() && person.cost() >= rules.minCostUsd();
		};
	}

	/**
	 * The figure a board ranks by.
	 * @param kind the board
	 * @param person the person
	 * @param prior the efficiency prior
	 * @return points, shrunk points per dollar, or estimated cost
	 */
	public static double score(BoardKind kind, PersonFigures person, Prior prior) {
		return switch (kind) {
			case OUTCOMES -> person.points();
			case EFFICIENCY -> Efficiency.score(person.points(), person.cost(), prior);
			case USAGE -> person.cost();
		};
	}

	private static Optional<String> efficiencyReason(PersonFigures person, Board.Rules rules) {
		if (person.confirmedOutcomes() < rules.minConfirmedOutcomes()) {
			return Optional.of((rules.minConfirmedOutcomes() == 1) ? "no confirmed outcome yet"
					: "fewer than " + rules.minConfirmedOutcomes() + " confirmed outcomes");
		}
		return Optional.of("below the minimum volume of " + Numbers.usd(rules.minCostUsd()) + " estimated cost");
	}

	private static Double efficiencyOf(BoardKind kind, PersonFigures person, Prior prior) {
		return (prior != null) ? Efficiency.score(person.points(), person.cost(), prior) : null;
	}

	private record Scored(PersonFigures person, double score, int place) {

	}

	private static boolean same(double a, double b) {
		return Math.abs(a - b) <= TIE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
	}

}
