package dev.legends.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.legends.scoring.internal.Rankings;
import dev.legends.workspace.Member;

/**
 * A group's figures in a period with its three rankings, each computed once when first
 * asked for, shared by every board, standing and explanation asked for while it is fresh.
 */
final class Snapshot {

	private final Period period;

	private final String scope;

	private final Map<Long, PersonFigures> people;

	private final Map<Long, Member> directory;

	private final Map<Long, Integer> byName;

	private final Prior prior;

	private final Board.Rules rules;

	/**
	 * Each ranking, computed when first asked for (a board after a change is asked for
	 * one; a standing for all three).
	 */
	private final Map<BoardKind, Ranking> rankings = new ConcurrentHashMap<>();

	Snapshot(Period period, String scope, Map<Long, PersonFigures> people, Map<Long, Member> directory,
			Map<Long, Integer> byName, Prior prior, Board.Rules rules) {
		this.period = period;
		this.scope = scope;
		this.people = people;
		this.directory = directory;
		this.byName = byName;
		this.prior = prior;
		this.rules = rules;
	}

	private Ranking ranking(BoardKind kind) {
		return this.rankings.computeIfAbsent(kind, (key) -> {
			List<BoardRow> list = Rankings.rank(key, List.copyOf(this.people.values()), this.prior, this.rules,
					this.byName);
			Map<Long, BoardRow> index = new HashMap<>(list.size() * 2);
			list.forEach((row) -> index.put(row.person().memberId(), row));
			return new Ranking(list, index);
		});
	}

	Period period() {
		return this.period;
	}

	String scope() {
		return this.scope;
	}

	Prior prior() {
		return this.prior;
	}

	List<BoardRow> ranked(BoardKind kind) {
		return ranking(kind).list();
	}

	PersonFigures person(Member member) {
		PersonFigures person = this.people.get(member.getId());
		return (person != null) ? person : empty(member.getId(), member.getDisplayName(), member.isListed());
	}

	PersonFigures person(Long memberId) {
		PersonFigures person = this.people.get(memberId);
		if (person != null) {
			return person;
		}
		Member member = this.directory.get(memberId);
		return (member != null) ? person(member) : empty(memberId, "you", true);
	}

	/**
	 * A person's row on a board: their own if ranked, else where they would stand if only
	 * privacy keeps them off, else {@code null}.
	 */
	BoardRow rowOf(BoardKind kind, PersonFigures person) {
		BoardRow row = ranking(kind).index().get(person.memberId());
		if (row != null) {
			return row;
		}
		if (!person.listed() && Rankings.isRanked(kind, person, this.rules)) {
			return Rankings.placeAmong(kind, ranked(kind), person, this.prior);
		}
		return null;
	}

	private record Ranking(List<BoardRow> list, Map<Long, BoardRow> index) {

	}

	private static PersonFigures empty(Long memberId, String name, boolean listed) {
		return new PersonFigures(memberId, name, listed, 0, 0, 0, 0, UsageFigures.NONE);
	}

}
