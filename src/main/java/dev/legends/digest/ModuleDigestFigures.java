package dev.legends.digest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.legends.scoring.Period;
import dev.legends.scoring.Scoring;
import dev.legends.scoring.UsageFigures;
import dev.legends.teams.GoalProgress;
import dev.legends.teams.Goals;
import dev.legends.teams.Team;
import dev.legends.teams.TeamGoal;
import dev.legends.teams.Teams;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;

import org.springframework.stereotype.Component;

/**
 * The digest's figures from the other modules: each person's week from scoring (the one
 * place that turns outcomes and usage into points and cost), team members, names and goal
 * progress from teams.
 */
@Component
class ModuleDigestFigures implements DigestFigures {

	/** Teams whose goals a channel digest shows at most. */
	static final int MAX_CHANNEL_TEAMS = 3;

	private final Scoring scoring;

	private final Teams teams;

	private final Goals goals;

	private final Members members;

	ModuleDigestFigures(Scoring scoring, Teams teams, Goals goals, Members members) {
		this.scoring = scoring;
		this.teams = teams;
		this.goals = goals;
		this.members = members;
	}

	@Override
	public List<PersonFigures> people(DigestScope scope, LocalDate monday, ZoneId zone) {
		Period week = new Period(Period.Kind.WEEK, monday, zone);
		Map<Long, dev.legends.scoring.PersonFigures> everyone = this.scoring.people(scope.workspaceId(), week);
		List<PersonFigures> people = new ArrayList<>();
		for (Member member : membersOf(scope)) {
			dev.legends.scoring.PersonFigures person = everyone.get(member.getId());
			if (person != null && (person.confirmedOutcomes() + person.pendingOutcomes() > 0 || person.cost() > 0
					|| person.usage().totalTokens() > 0)) {
				people.add(figures(person));
			}
		}
		return people;
	}

	private Collection<Member> membersOf(DigestScope scope) {
		if (scope.isChannel()) {
			return this.members.all(scope.workspaceId())
				.stream()
				.filter((member) -> scope.memberIds().contains(member.getId()))
				.toList();
		}
		if (scope.teamId() == null) {
			return this.members.all(scope.workspaceId());
		}
		return team(scope)
			.map((team) -> team.memberIds().stream().map(this.members::findById).flatMap(Optional::stream).toList())
			.orElse(List.of());
	}

	private static PersonFigures figures(dev.legends.scoring.PersonFigures person) {
		UsageFigures usage = person.usage();
		return new PersonFigures(person.memberId(), person.confirmedOutcomes(), person.pendingOutcomes(),
				person.confirmedPoints(), person.pendingPoints(), usage.estimatedCostUsd(),
				new Digest.Tokens(usage.inputTokens(), usage.outputTokens(), usage.cacheReadTokens(),
						usage.cacheCreationTokens(), usage.reasoningTokens()));
	}

	@Override
	public List<Digest.GoalLine> goals(DigestScope scope) {
		if (scope.isChannel()) {
			return channelGoals(scope);
		}
		return team(scope).map(this.goals::progress).map(ModuleDigestFigures::lines).orElse(List.of());
	}

	/**
	 * The goals of the teams whose members are all in the channel (large enough to be
	 * shown in a channel), each line named after its team.
	 */
	private List<Digest.GoalLine> channelGoals(DigestScope scope) {
		List<Digest.GoalLine> lines = new ArrayList<>();
		this.teams.all(scope.workspaceId())
			.stream()
			.filter((team) -> team.isChannelSized() && scope.memberIds().containsAll(team.memberIds()))
			.sorted(Comparator.comparing(Team::name, String.CASE_INSENSITIVE_ORDER))
			.map(this.goals::progress)
			.filter((progress) -> progress.hasGoal() && progress.isChannelSized())
			.limit(MAX_CHANNEL_TEAMS)
			.forEach((progress) -> lines(progress)
				.forEach((line) -> lines.add(new Digest.GoalLine(progress.team().name() + " · " + line.label(),
						line.actual(), line.target(), line.higherIsBetter(), line.unit()))));
		return lines;
	}

	@Override
	public boolean showsFiguresInChannels(DigestScope scope) {
		if (scope.isChannel()) {
			return scope.memberIds().size() >= Team.MIN_SIZE_FOR_CHANNELS;
		}
		return team(scope).map(Team::isChannelSized).orElse(true);
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
			lines.add(new Digest.GoalLine("Cost per confirmed point" + period, progress.costPerPoint().doubleValue(),
					goal.maxCostPerPoint().doubleValue(), false, Digest.GoalLine.Unit.USD));
		}
		if (goal.minConfirmedPercent() != null && progress.confirmedPercent() != null) {
			lines.add(new Digest.GoalLine("Share of outcomes confirmed" + period, progress.confirmedPercent(),
					goal.minConfirmedPercent(), true, Digest.GoalLine.Unit.PERCENT));
		}
		return lines;
	}

}
