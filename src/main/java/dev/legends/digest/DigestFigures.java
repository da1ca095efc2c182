package dev.legends.digest;

import java.util.List;
import java.util.Optional;

import dev.legends.workspace.TimeWindow;

/**
 * Where a digest's numbers come from: outcomes, points and cost per scope and span, as
 * scoring and teams compute them.
 */
public interface DigestFigures {

	/**
	 * The totals of a scope in a span.
	 * @param scope the team or workspace
	 * @param window the span
	 * @return the totals
	 */
	Digest.Totals totals(DigestScope scope, TimeWindow window);

	/**
	 * Each person's confirmed outcomes, points and cost in a span (everyone, listed or
	 * not: the digest leaves out who must not be shown).
	 * @param scope the team or workspace
	 * @param window the span
	 * @return the people with any outcome or usage
	 */
	List<PersonFigures> people(DigestScope scope, TimeWindow window);

	/**
	 * Progress against the scope's goals for the period containing a span.
	 * @param scope the team or workspace
	 * @param window the span
	 * @return the goal lines, empty without goals
	 */
	List<Digest.GoalLine> goals(DigestScope scope, TimeWindow window);

	/**
	 * The scope's name for the title (a team's name).
	 * @param scope the scope
	 * @return the name, empty for the whole workspace
	 */
	Optional<String> scopeName(DigestScope scope);

	/**
	 * One person's figures in a span.
	 *
	 * @param memberId the member id
	 * @param confirmedOutcomes confirmed outcomes
	 * @param confirmedPoints confirmed points
	 * @param estimatedCostUsd estimated cost
	 */
	record PersonFigures(long memberId, int confirmedOutcomes, double confirmedPoints, double estimatedCostUsd) {

	}

}
