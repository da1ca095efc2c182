package dev.legends.teams;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.legends.workspace.ChangeVersions;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import dev.legends.workspace.PerVersion;
import dev.legends.workspace.TimeWindow;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team goals: what each team aims to deliver per period, who set it and when, and how far
 * the team has come in the current period.
 */
@Service
@Transactional
public class Goals {

	private final GoalRepository goals;

	private final Teams teams;

	private final Members members;

	private final ObjectProvider<TeamFigures> figures;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ChangeVersions versions;

	/** Per workspace, each team's goals, newest first, read once per team version. */
	private final PerVersion<Map<Long, List<TeamGoal>>> histories;

	Goals(GoalRepository goals, Teams teams, Members members, ObjectProvider<TeamFigures> figures,
			ApplicationEventPublisher events, ChangeVersions versions, Optional<Clock> clock) {
		this.goals = goals;
		this.teams = teams;
		this.members = members;
		this.figures = figures;
		this.events = events;
		this.versions = versions;
		this.histories = versions.perTeamVersion(10_000, Duration.ofMinutes(10));
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Today in the workspace's timezone ({@code LEGENDS_TIMEZONE}).
	 * @return the date
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(zone()));
	}

	/**
	 * The goal in effect for a team today: the latest one set whose start date has come.
	 * @param teamId the team id
	 * @return the goal, if any
	 */
	@Transactional(readOnly = true)
	public Optional<TeamGoal> current(Long teamId) {
		return inEffect(history(teamId), today());
	}

	private static Optional<TeamGoal> inEffect(List<TeamGoal> history, LocalDate today) {
		return history.stream().filter((goal) -> !goal.startDate().isAfter(today)).findFirst();
	}

	/**
	 * The goal set most recently for a team, even if it starts later (to prefill the
	 * form).
	 * @param teamId the team id
	 * @return the goal, if any was ever set
	 */
	@Transactional(readOnly = true)
	public Optional<TeamGoal> latest(Long teamId) {
		return history(teamId).stream().findFirst();
	}

	/**
	 * Every goal ever set for a team, newest first, with who set it and when.
	 * @param teamId the team id
	 * @return the history
	 */
	@Transactional(readOnly = true)
	public List<TeamGoal> history(Long teamId) {
		return this.goals.findByTeamIdOrderByIdDesc(teamId).stream().map(GoalEntity::toGoal).toList();
	}

	/**
	 * Check goals before setting them; each problem is keyed by {@link GoalDraft}'s field
	 * names.
	 * @param draft the goals as entered
	 * @return the problems, empty when they can be set
	 */
	@Transactional(readOnly = true)
	public Map<String, String> problems(GoalDraft draft) {
		return draft.problems(today());
	}

	/**
	 * Set new goals for a team (kept beside every earlier one) after checking that the
	 * actor manages it.
	 * @param teamId the team id
	 * @param draft the goals
	 * @param actor who sets them
	 * @return the goal as stored
	 * @throws NotPermittedException when the actor does not manage the team
	 * @throws IllegalArgumentException when {@link #problems(GoalDraft)} finds any
	 */
	public TeamGoal set(Long teamId, GoalDraft draft, Member actor) {
		Team team = this.teams.find(teamId).orElseThrow(() -> new NotPermittedException("That team no longer exists."));
		if (!team.workspaceId().equals(actor.getWorkspaceId()) || !team.isManagedBy(actor.getId())) {
			throw new NotPermittedException("Only managers of " + team.name() + " can set its goals.");
		}
		Map<String, String> problems = problems(draft);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("Invalid goals: " + problems);
		}
		TeamGoal goal = this.goals.save(new GoalEntity(teamId, draft, actor.getId(), this.clock.instant())).toGoal();
		this.versions.bumpTeams(team.workspaceId());
		this.events.publishEvent(new GoalsChanged(teamId, goal));
		return goal;
	}

	/**
	 * A team's progress in the current period against the goal in effect (the current
	 * week when no goal is set); members who opted out are not counted.
	 * @param team the team
	 * @return the progress
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public GoalProgress progress(Team team) {
		Map<Long, List<TeamGoal>> histories = this.histories.get(team.workspaceId(),
				() -> this.goals.findByWorkspaceId(team.workspaceId())
					.stream()
					.map(GoalEntity::toGoal)
					.collect(Collectors.groupingBy(TeamGoal::teamId)));
		LocalDate today = today();
		TeamGoal goal = inEffect(histories.getOrDefault(team.id(), List.of()), today).orElse(null);
		GoalPeriod period = (goal != null) ? goal.period() : GoalPeriod.WEEK;
		TimeWindow window = period.windowOf(today, zone());
		Set<Long> optedOut = this.members.optedOut(team.workspaceId());
		Set<Long> counted = team.memberIds()
			.stream()
			.filter((id) -> !optedOut.contains(id))
			.collect(Collectors.toSet());
		TeamFigures source = this.figures.getIfAvailable();
		TeamFigures.Totals totals = (source != null) ? source.totals(team.workspaceId(), counted, window)
				: TeamFigures.Totals.NONE;
		return new GoalProgress(team, goal, window, period.startOf(today), period.endOf(today).minusDays(1), counted,
				totals);
	}

	private ZoneId zone() {
		return this.members.defaultZone();
	}

}
