package dev.legends.scoring;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.legends.scoring.internal.Efficiency;
import dev.legends.scoring.internal.Rankings;
import dev.legends.scoring.internal.Tally;
import dev.legends.teams.Team;
import dev.legends.teams.Teams;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import dev.legends.workspace.TimeWindow;
import dev.legends.workspace.WorkspaceProperties;

import org.springframework.stereotype.Service;

/**
 * Boards, standings and explanations: who delivered most, fairly per dollar, with usage
 * as context, in periods of the workspace timezone.
 */
@Service
public class Scoring {

	private final Snapshots snapshots;

	private final ScoringSources.UsageSource usage;

	private final Members members;

	private final Teams teams;

	private final ScoringProperties properties;

	private final ZoneId zone;

	private final Clock clock;

	Scoring(Snapshots snapshots, Members members, Teams teams, ScoringProperties properties,
			WorkspaceProperties workspace, Optional<Clock> clock) {
		this.snapshots = snapshots;
		this.usage = snapshots.usage();
		this.members = members;
		this.teams = teams;
		this.properties = properties;
		this.zone = workspace.timezone();
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Read a period from command words ({@code week}, {@code last month}…) in the
	 * workspace timezone; no words mean the current week.
	 * @param words the words
	 * @return the period, or empty when the words name none
	 */
	public Optional<Period> period(List<String> words) {
		return Period.parse(words, this.clock.instant(), this.zone);
	}

	/**
	 * The current period of a kind in the workspace timezone.
	 * @param kind the kind
	 * @return the period
	 */
	public Period current(Period.Kind kind) {
		return Period.current(kind, this.clock.instant(), this.zone);
	}

	/**
	 * A workspace board: the top rows among listed people plus the viewer's own position.
	 * @param workspaceId the workspace
	 * @param period the period
	 * @param kind the board
	 * @param viewerMemberId who is looking, or {@code null} for a channel
	 * @return the board
	 */
	public Board board(Long workspaceId, Period period, BoardKind kind, Long viewerMemberId) {
		return view(this.snapshots.workspace(workspaceId, period), kind, viewerMemberId);
	}

	/**
	 * A team board: like the workspace board, among the team's members and shrunk toward
	 * the team's rate.
	 * @param team the team
	 * @param period the period
	 * @param kind the board
	 * @param viewerMemberId who is looking, or {@code null} for a channel
	 * @return the board
	 */
	public Board teamBoard(Team team, Period period, BoardKind kind, Long viewerMemberId) {
		return view(this.snapshots.team(team, period), kind, viewerMemberId);
	}

	/**
	 * A person's rank on every board, cost per point and trend against the trailing four
	 * weeks.
	 * @param member the person
	 * @param period the period
	 * @return the standing
	 */
	public Standing standing(Member member, Period period) {
		Snapshot snapshot = this.snapshots.workspace(member.getWorkspaceId(), period);
		PersonFigures person = snapshot.person(member);
		Standing.Counts counts = new Standing.Counts(snapshot.ranked(BoardKind.OUTCOMES).size(),
				snapshot.ranked(BoardKind.EFFICIENCY).size(), snapshot.ranked(BoardKind.USAGE).size());
		return new Standing(person, period, snapshot.rowOf(BoardKind.OUTCOMES, person),
				snapshot.rowOf(BoardKind.EFFICIENCY, person),
				Rankings.notRankedReason(BoardKind.EFFICIENCY, person, this.properties.rules()).orElse(null),
				snapshot.rowOf(BoardKind.USAGE, person), counts, trend(member, period, person));
	}

	/**
	 * Every person's figures in a period (points, outcomes counted, usage and cost), in
	 * one pass over the period's data and cached like the boards; people with neither
	 * outcomes nor usage in the period are absent.
	 * @param workspaceId the workspace
	 * @param period the period
	 * @return figures by member id
	 */
	public Map<Long, PersonFigures> people(Long workspaceId, Period period) {
		return Collections.unmodifiableMap(this.snapshots.people(workspaceId, period));
	}

	/**
	 * A person's outcome credits in a window (how each of their outcomes counted),
	 * computed for the whole workspace at once and cached like the boards.
	 * @param member the person
	 * @param window the window
	 * @return their credits
	 */
	public List<OutcomeCredit> credits(Member member, TimeWindow window) {
		return this.snapshots.creditsOf(member.getWorkspaceId(), member.getId(), window);
	}

	/**
	 * A person's usage in a window. The workspace's current week is read from everyone's
	 * usage, computed once and cached like the boards (so {@code /legends me} and App
	 * Home cost no usage read of their own, and show what the boards show); any other
	 * window is read for the person alone.
	 * @param member the person
	 * @param window the window
	 * @return their usage
	 */
	public UsageFigures usage(Member member, TimeWindow window) {
		if (window.equals(current(Period.Kind.WEEK).toWindow())) {
			return this.snapshots.usageByMember(member.getWorkspaceId(), window)
				.getOrDefault(member.getId(), UsageFigures.NONE);
		}
		return this.usage.ofMember(member.getId(), window);
	}

	/**
	 * The inputs and arithmetic of a person's scores: each outcome and how it counted,
	 * usage and cost, and the efficiency formula with its numbers.
	 * @param member the person
	 * @param period the period
	 * @return the explanation
	 */
	public Explanation explain(Member member, Period period) {
		Snapshot snapshot = this.snapshots.workspace(member.getWorkspaceId(), period);
		List<OutcomeCredit> outcomes = this.snapshots.creditsOf(member.getWorkspaceId(), member.getId(),
				period.toWindow());
		// the usage the boards ranked them by (the current week's, kept like the boards)
		PersonFigures person = Tally.person(member.getId(), member.getDisplayName(), member.isListed(), outcomes,
				usage(member, period.toWindow()));
		Prior prior = snapshot.prior();
		Explanation.EfficiencyWorking efficiency = new Explanation.EfficiencyWorking(person.points(), person.cost(),
				prior, Efficiency.score(person.points(), person.cost(), prior),
				Efficiency.arithmetic(person.points(), person.cost(), prior),
				snapshot.rowOf(BoardKind.EFFICIENCY, person),
				Rankings.notRankedReason(BoardKind.EFFICIENCY, person, this.properties.rules()).orElse(null));
		return new Explanation(person, period, outcomes, snapshot.rowOf(BoardKind.OUTCOMES, person),
				Rankings.notRankedReason(BoardKind.OUTCOMES, person, this.properties.rules()).orElse(null), efficiency,
				snapshot.rowOf(BoardKind.USAGE, person));
	}

	/**
	 * Whether a viewer may see another person's details: themselves, admins, and the
	 * managers of a team the person is in.
	 * @param viewer who asks
	 * @param subject whose details
	 * @return {@code true} when allowed
	 */
	public boolean maySeeDetails(Member viewer, Member subject) {
		if (viewer.getId().equals(subject.getId()) || this.members.isAdmin(viewer)) {
			return true;
		}
		return this.teams.teamsOf(subject).stream().anyMatch((team) -> team.isManagedBy(viewer.getId()));
	}

	/**
	 * Forget every figure this instance cached, usage included (benchmarks measure cold
	 * boards with it). Changes need not call it: each moves its workspace's change
	 * version in its own transaction (outcomes, opt-outs, vacations, names), which every
	 * cached figure is keyed by, so that no instance uses figures from before it;
	 * forgetting them here as well made the requests still on the previous version
	 * compute it again.
	 */
	public void refresh() {
		this.snapshots.clear();
	}

	private Board view(Snapshot snapshot, BoardKind kind, Long viewerMemberId) {
		List<BoardRow> ranked = snapshot.ranked(kind);
		List<BoardRow> top = ranked.subList(0, Math.min(ranked.size(), this.properties.topN()));
		BoardRow viewer = null;
		String note = null;
		if (viewerMemberId != null) {
			PersonFigures person = snapshot.person(viewerMemberId);
			viewer = snapshot.rowOf(kind, person);
			note = Rankings.notRankedReason(kind, person, this.properties.rules()).orElse(null);
			if (note == null && !person.listed()) {
				note = "you're opted out or on vacation, so others don't see you on boards; this is where you'd be";
			}
		}
		return new Board(kind, snapshot.period(), snapshot.scope(), List.copyOf(top), ranked.size(), viewer, note,
				(kind == BoardKind.EFFICIENCY) ? snapshot.prior() : null, this.properties.rules());
	}

	private Standing.Trend trend(Member member, Period period, PersonFigures person) {
		Instant start = period.toWindow().start();
		TimeWindow trailing = new TimeWindow(start.atZone(this.zone).minusWeeks(4).toInstant(), start);
		PersonFigures before = Tally.person(member.getId(), member.getDisplayName(), member.isListed(),
				this.snapshots.creditsOf(member.getWorkspaceId(), member.getId(), trailing),
				this.snapshots.usageByMember(member.getWorkspaceId(), trailing)
					.getOrDefault(member.getId(), UsageFigures.NONE));
		return new Standing.Trend(person.points(), person.cost(), before.points() / 4, before.cost() / 4);
	}

}
