package dev.legends.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.legends.teams.GoalProgress;
import dev.legends.teams.Goals;
import dev.legends.teams.Team;
import dev.legends.teams.TeamGoal;
import dev.legends.teams.Teams;
import dev.legends.workspace.TimeWindow;

import org.springframework.stereotype.Component;

/**
 * The digest's figures from the other modules: team names and goal progress from
 * {@code teams}; outcomes, points and cost are zero until scoring exposes them per span
 * (so a digest says plainly that nothing was recorded instead of inventing numbers).
 */
@Component
class ModuleDigestFigures implements DigestFigures {

	private final Teams teams;

	private final Goals goals;

	ModuleDigestFigures(Teams teams, Goals goals) {
		this.teams = teams;
		this.goals = goals;
	}

	@Override
	public Digest.Totals totals(DigestScope scope, TimeWindow window) {
		return Digest.Totals.NONE;
	}

	@Override
	public List<PersonFigures> people(DigestScope scope, TimeWindow window) {
		return List.of();
	}

	@Override
	public List<Digest.GoalLine> goals(DigestScope scope, TimeWindow window) {
		return team(scope).map(this.goals::progress).map(ModuleDigestFigures::lines).orElse(List.of());
	}

	@Override
	public Optional<String> scopeName(DigestScope scope) {
		return team(scope).map(Team::name);
	}

	private Optional<Team> team(DigestScope scope) {
		return (scope.teamId() != null) ? this.teams.find(scope.teamId()) : Optional.empty();
	}

	/** The goal in effect, target by target, against the team's figures so far. */
	static List<Digest.GoalLine> lines(GoalProgress progress) {
		List<Digest.GoalLine> lines = new ArrayList<>();
		TeamGoal goal = progress.goal();
		if (goal == null) {
			return lines;
		}
		String period = " this " + goal.period().label();
		if (goal.targetPoints() > 0) {
			lines.add(new Digest.GoalLine("Confirmed points" + period,
					progress.totals().confirmedPoints().doubleValue(), goal.targetPoints(), true));
		}
		if (goal.targetOutcomes() > 0) {
			lines.add(new Digest.GoalLine("Confirmed outcomes" + period, progress.totals().confirmedOutcomes(),
					goal.targetOutcomes(), true));
		}
		if (goal.maxCostPerPoint() != null && progress.costPerPoint() != null) {
			lines.add(new Digest.GoalLine("Cost per confirmed point (USD)" + period,
					progress.costPerPoint().doubleValue(), goal.maxCostPerPoint().doubleValue(), false));
		}
		if (goal.minConfirmedPercent() != null && progress.confirmedPercent() != null) {
			lines.add(new Digest.GoalLine("Share of outcomes confirmed (%)" + period, progress.confirmedPercent(),
					goal.minConfirmedPercent(), true));
		}
		return lines;
	}

}
