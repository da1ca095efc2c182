package dev.legends.teams;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.legends.workspace.ChangeVersions;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import dev.legends.workspace.PerVersion;
import dev.legends.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The teams of each workspace: who is in which team, who manages it, and who may change
 * it. Every method returns plain {@link Team} records. A workspace's teams are read once
 * per team version ({@link ChangeVersions#teams}), which every change here moves in its
 * transaction, so App Home and commands ask the database nothing else about them.
 */
@Service
@Transactional
public class Teams {

	private static final Logger logger = LoggerFactory.getLogger(Teams.class);

	/** The longest team name. */
	public static final int MAX_NAME_LENGTH = 80;

	/** Field names {@link #problems(TeamChange)} reports on. */
	public static final String NAME = "name", MEMBERS = "members", MANAGERS = "managers";

	private final TeamRepository teams;

	private final Members members;

	private final UsergroupDirectory usergroups;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JdbcTemplate jdbc;

	private final ChangeVersions versions;

	private final PerVersion<TeamIndex> indexes;

	Teams(TeamRepository teams, Members members, UsergroupDirectory usergroups, ApplicationEventPublisher events,
			JdbcTemplate jdbc, ChangeVersions versions, Optional<Clock> clock) {
		this.teams = teams;
		this.members = members;
		this.usergroups = usergroups;
		this.events = events;
		this.jdbc = jdbc;
		this.versions = versions;
		this.indexes = versions.perTeamVersion(10_000, Duration.ofMinutes(10));
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Find a team by id.
	 * @param teamId the team id
	 * @return the team, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<Team> find(Long teamId) {
		return this.teams.findById(teamId).map(TeamEntity::toTeam);
	}

	/**
	 * Find a team of a workspace by name, ignoring case and surrounding spaces.
	 * @param workspaceId the workspace id
	 * @param name the name
	 * @return the team, if one has that name
	 */
	@Transactional(readOnly = true)
	public Optional<Team> findByName(Long workspaceId, String name) {
		return this.teams.findByWorkspaceIdAndNameKey(workspaceId, TeamEntity.keyOf(name)).map(TeamEntity::toTeam);
	}

	/**
	 * Every team of a workspace, by name.
	 * @param workspaceId the workspace id
	 * @return the teams
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public List<Team> all(Long workspaceId) {
		return index(workspaceId).all();
	}

	/**
	 * The teams a person is a member of, by name.
	 * @param member the person
	 * @return the teams (a person may be in several)
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public List<Team> teamsOf(Member member) {
		return teamsOf(member.getWorkspaceId(), member.getId());
	}

	/**
	 * The teams a person is a member of, by name.
	 * @param workspaceId the person's workspace
	 * @param memberId the member id
	 * @return the teams (a person may be in several)
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public List<Team> teamsOf(Long workspaceId, Long memberId) {
		return index(workspaceId).memberOf(memberId);
	}

	/**
	 * The teams a person manages, by name.
	 * @param member the person
	 * @return the teams
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public List<Team> managedBy(Member member) {
		return index(member.getWorkspaceId()).managedBy(member.getId());
	}

	/**
	 * The member ids of a team.
	 * @param teamId the team id
	 * @return its members, empty for an unknown team
	 */
	@Transactional(readOnly = true)
	public Set<Long> membersOf(Long teamId) {
		return find(teamId).map(Team::memberIds).orElse(Set.of());
	}

	/**
	 * Whether a person manages at least one team.
	 * @param member the person
	 * @return {@code true} for managers
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public boolean isManager(Member member) {
		return !managedBy(member).isEmpty();
	}

	/**
	 * Whether a person manages a given team.
	 * @param memberId the member id
	 * @param teamId the team id
	 * @return {@code true} when they are one of its managers
	 */
	@Transactional(readOnly = true)
	public boolean isManagerOf(Long memberId, Long teamId) {
		return find(teamId).map((team) -> team.isManagedBy(memberId)).orElse(false);
	}

	/**
	 * Whether a person may create a team ({@code teamId} null: admins only) or edit one
	 * (admins and that team's managers).
	 * @param actor the person
	 * @param teamId the team, or {@code null} for a new one
	 * @return {@code true} when allowed
	 */
	@Transactional(readOnly = true)
	public boolean canEdit(Member actor, Long teamId) {
		if (teamId == null) {
			return this.members.isAdmin(actor);
		}
		Optional<Team> team = find(teamId).filter((found) -> found.workspaceId().equals(actor.getWorkspaceId()));
		return team.isPresent() && (this.members.isAdmin(actor) || team.get().isManagedBy(actor.getId()));
	}

	/**
	 * Check a change before saving; each problem is keyed by field ({@link #NAME},
	 * {@link #MEMBERS}, {@link #MANAGERS}).
	 * @param change the change
	 * @return the problems, empty when it can be saved
	 */
	@Transactional(readOnly = true)
	public Map<String, String> problems(TeamChange change) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (change.name().isEmpty()) {
			problems.put(NAME, "Give the team a name.");
		}
		else if (change.name().length() > MAX_NAME_LENGTH) {
			problems.put(NAME, "Keep the name to " + MAX_NAME_LENGTH + " characters.");
		}
		else if (findByName(change.workspaceId(), change.name()).filter((other) -> !other.id().equals(change.teamId()))
			.isPresent()) {
			problems.put(NAME, "A team with this name already exists. Pick another name.");
		}
		if (change.memberIds().isEmpty() && change.usergroupId() == null) {
			problems.put(MEMBERS, "Add at least one member, or pick a user group.");
		}
		if (change.managerIds().isEmpty()) {
			problems.put(MANAGERS, "Add at least one manager.");
		}
		return problems;
	}

	/**
	 * Create or update a team after checking the actor's role and the change.
	 * @param change the change
	 * @param actor who makes it
	 * @return the team as stored
	 * @throws NotPermittedException when the actor may not make this change
	 * @throws IllegalArgumentException when {@link #problems(TeamChange)} finds any
	 */
	public Team save(TeamChange change, Member actor) {
		if (!actor.getWorkspaceId().equals(change.workspaceId()) || !canEdit(actor, change.teamId())) {
			throw new NotPermittedException((change.teamId() == null) ? "Only Legends admins can create teams."
					: "Only admins and this team's managers can change it.");
		}
		Map<String, String> problems = problems(change);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("Invalid team: " + problems);
		}
		TeamEntity entity = (change.teamId() != null) ? this.teams.findById(change.teamId()).orElseThrow()
				: new TeamEntity(change.workspaceId(), this.clock.instant());
		entity.apply(change, change.memberIds(), this.clock.instant());
		TeamEntity saved = this.teams.save(entity);
		if (change.usergroupId() != null) {
			sync(saved);
		}
		this.versions.bumpTeams(saved.getWorkspaceId());
		this.events.publishEvent(new TeamSaved(saved.getId(), actor.getId()));
		return saved.toTeam();
	}

	/**
	 * Take the members of every team linked to a user group from the group again.
	 * @return how many teams were synced
	 */
	public int syncUsergroups() {
		int synced = 0;
		for (TeamEntity team : this.teams.findByUsergroupIdIsNotNull()) {
			if (sync(team)) {
				this.events.publishEvent(new TeamSaved(team.getId(), null));
				synced++;
			}
		}
		return synced;
	}

	/**
	 * The member ids of a user group's people in a workspace (creating members on first
	 * sight).
	 * @param workspaceId the workspace id
	 * @param usergroupId the group id
	 * @return the member ids, or empty when the group is unknown
	 */
	public Optional<Set<Long>> usergroupMembers(Long workspaceId, String usergroupId) {
		Optional<Workspace> workspace = this.members.findWorkspace(workspaceId);
		Optional<List<String>> userIds = this.usergroups.members(usergroupId);
		if (workspace.isEmpty() || userIds.isEmpty()) {
			return Optional.empty();
		}
		Set<Long> ids = new LinkedHashSet<>();
		userIds.get()
			.forEach((userId) -> ids.add(this.members.member(workspace.get().getSlackTeamId(), userId).getId()));
		return Optional.of(ids);
	}

	private boolean sync(TeamEntity team) {
		Optional<Set<Long>> ids = usergroupMembers(team.getWorkspaceId(), team.getUsergroupId());
		if (ids.isEmpty()) {
			logger.info("User group {} of team {} could not be read; members kept", team.getUsergroupId(),
					team.getId());
			return false;
		}
		team.syncMembers(ids.get(), this.clock.instant());
		this.teams.save(team);
		this.versions.bumpTeams(team.getWorkspaceId());
		return true;
	}

	private TeamIndex index(Long workspaceId) {
		return this.indexes.get(workspaceId, () -> TeamIndex.of(read(workspaceId)));
	}

	/**
	 * Every team of a workspace with its members and managers, by name: three queries
	 * however many teams there are.
	 */
	private List<Team> read(Long workspaceId) {
		Map<Long, Set<Long>> members = new HashMap<>();
		Map<Long, Set<Long>> managers = new HashMap<>();
		String people = "select p.team_id, p.member_id from %s p join team t on t.id = p.team_id "
				+ "where t.workspace_id = ?";
		this.jdbc.query(people.formatted("team_member"), (rs) -> {
			members.computeIfAbsent(rs.getLong(1), (id) -> new LinkedHashSet<>()).add(rs.getLong(2));
		}, workspaceId);
		this.jdbc.query(people.formatted("team_manager"), (rs) -> {
			managers.computeIfAbsent(rs.getLong(1), (id) -> new LinkedHashSet<>()).add(rs.getLong(2));
		}, workspaceId);
		return this.jdbc.query(
				"select id, name, usergroup_id, digest_channel_id from team where workspace_id = ? order by name_key",
				(rs, n) -> new Team(rs.getLong(1), workspaceId, rs.getString(2),
						members.getOrDefault(rs.getLong(1), Set.of()), managers.getOrDefault(rs.getLong(1), Set.of()),
						rs.getString(3), rs.getString(4)),
				workspaceId);
	}

}
