package dev.legends.digest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Where a digest's numbers come from: each person's outcomes, points, cost and tokens per
 * week as scoring computes them, and team names and goals from teams.
 */
public interface DigestFigures {

	/**
	 * Everyone in a scope with any outcome or usage in an ISO week (listed or not: the
	 * digest leaves out who must not be named, but counts them in totals).
	 * @param scope the team, channel members or workspace
	 * @param monday the first day of the week
	 * @param zone the timezone whose midnight starts the week
	 * @return the people's figures
	 */
	List<PersonFigures> people(DigestScope scope, LocalDate monday, ZoneId zone);

	/**
	 * Progress against the goals in effect: the team's, or for a channel those of the
	 * teams whose members are all in it.
	 * @param scope the team, channel members or workspace
	 * @return the goal lines, empty without a goal
	 */
	List<Digest.GoalLine> goals(DigestScope scope);

	/**
	 * Whether the scope's aggregate figures may be shown in a channel (teams of five or
	 * more, channels with five or more people Legends knows, and whole workspaces).
	 * @param scope the scope
	 * @return {@code true} when they may
	 */
	boolean showsFiguresInChannels(DigestScope scope);

	/**
	 * The scope's name for the title (a team's name).
	 * @param scope the scope
	 * @return the name, empty for a channel or the whole workspace
	 */
	Optional<String> scopeName(DigestScope scope);

	/**
	 * One person's figures in a week.
	 *
	 * @param memberId the member id
	 * @param confirmedOutcomes confirmed outcomes
	 * @param pendingOutcomes outcomes awaiting confirmation
	 * @param confirmedPoints confirmed points
	 * @param pendingPoints points credited to pending outcomes
	 * @param estimatedCostUsd estimated cost
	 * @param tokens tokens by class
	 */
	record PersonFigures(long memberId, int confirmedOutcomes, int pendingOutcomes, double confirmedPoints,
			double pendingPoints, double estimatedCostUsd, Digest.Tokens tokens) {

	}

}
