package dev.legends.workspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The people of each workspace: found or created on first contact, refreshed from the
 * directory when stale, with their roles and preferences.
 */
@Service
@Transactional
public class Members {

	static final Duration STALE_AFTER = Duration.ofHours(24);

	static final Duration RETRY_FAILED_LOOKUP_AFTER = Duration.ofHours(1);

	private final WorkspaceRepository workspaces;

	private final MemberRepository members;

	private final MemberDirectory directory;

	private final WorkspaceProperties properties;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final InsertIfAbsent inserts;

	private final RetryingTransactions transactions;

	private final MemberIndex index;

	/** Who opted out, per workspace, as of its change version (an opt-out moves it). */
	private final PerVersion<Set<Long>> optedOut;

	/** Every member by id and by Slack id, per workspace, as of its people version. */
	private final PerVersion<Directory> directories;

	/** The workspace id of each workspace key (a workspace's key never changes). */
	private final Cache<String, Long> workspaceIds = Caffeine.newBuilder().maximumSize(100_000).build();

	private WorkspaceKeys keys;

	Members(WorkspaceRepository workspaces, MemberRepository members, MemberDirectory directory,
			WorkspaceProperties properties, Optional<Clock> clock, ApplicationEventPublisher events,
			InsertIfAbsent inserts, RetryingTransactions transactions, MemberIndex index, ChangeVersions versions) {
		this.optedOut = versions.perPeopleVersion(10_000, Duration.ofMinutes(10));
		// names, zones and roles from the daily profile refresh move no version
		this.directories = versions.perPeopleVersion(256, Duration.ofSeconds(30));
		this.transactions = transactions;
		this.index = index;
		this.events = events;
		this.inserts = inserts;
		this.workspaces = workspaces;
		this.members = members;
		this.directory = directory;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Return the workspace with this Slack team id, creating it on first contact.
	 * @param teamId the Slack team id
	 * @return the workspace
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Workspace workspace(String teamId) {
		String key = key(teamId);
		return this.workspaces.findBySlackTeamId(key)
			.orElseGet(() -> this.transactions.execute((status) -> workspaceFor(key)));
	}

	/**
	 * Use these keys to find a Slack team's workspace (an org-wide install serves all the
	 * org's teams as one workspace).
	 * @param keys the keys
	 */
	@Autowired(required = false)
	void setWorkspaceKeys(WorkspaceKeys keys) {
		this.keys = keys;
	}

	/**
	 * The workspace key of a Slack team: its own id, or its org's for an org-wide
	 * install.
	 */
	private String key(String teamId) {
		return (this.keys != null) ? this.keys.keyOf(teamId) : teamId;
	}

	/**
	 * Return the member for a Slack user, creating or refreshing them from the directory
	 * when unknown or stale. The directory is asked before any row is written, so that
	 * requests meeting the same new person at once never wait on Slack for each other.
	 * Outside a transaction a known person comes from the workspace's {@link #directory}
	 * (shared: read it, never change it), so a name or timezone from Slack's profile
	 * refresh shows within 30 s.
	 * @param teamId the Slack team id
	 * @param userId the Slack user id
	 * @return the member
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Member member(String teamId, String userId) {
		String key = key(teamId);
		Long workspaceId = this.workspaceIds.getIfPresent(key);
		if (workspaceId != null && !TransactionSynchronizationManager.isActualTransactionActive()) {
			// every Slack request asks: from the workspace's directory (read once per
			// people version, which a new person moves), unless a transaction may
			// change the member
			Member known = directoryOf(workspaceId).bySlackUserId().get(userId);
			if (known != null && !isStale(known)) {
				return known;
			}
		}
		Optional<Member> found = this.members.findBySlackTeamIdAndSlackUserId(key, userId);
		found.ifPresent((member) -> this.workspaceIds.put(key, member.getWorkspaceId()));
		if (found.isPresent() && !isStale(found.get())) {
			return found.get();
		}
		Optional<DirectoryEntry> entry = this.directory.lookup(key, userId);
		return this.transactions.execute((status) -> refreshed(key, userId, entry));
	}

	/**
	 * Create (or find) the member and refresh them from a directory entry, unless a
	 * concurrent request did so meanwhile.
	 */
	private Member refreshed(String teamId, String userId, Optional<DirectoryEntry> entry) {
		Member member = memberFor(workspaceFor(teamId), userId);
		boolean known = !member.getRefreshedAt().equals(Instant.EPOCH);
		if (known && !isStale(member)) {
			return member;
		}
		String emailBefore = member.getEmail();
		Instant now = this.clock.instant();
		entry.ifPresentOrElse((found) -> member.apply(found, now),
				() -> member.retryLookupAfter(now.minus(STALE_AFTER).plus(RETRY_FAILED_LOOKUP_AFTER)));
		Member saved = this.members.save(member);
		if (!known || !Objects.equals(emailBefore, saved.getEmail())) {
			this.events.publishEvent(new MemberProfileChanged(saved.getWorkspaceId(), saved.getId(),
					saved.getSlackUserId(), saved.getEmail()));
		}
		return saved;
	}

	/**
	 * The id of a member of a workspace with this email (any case), without asking the
	 * directory: from an in-memory index of the workspace's members
	 * ({@link MemberIndex}), as ingest asks it for every new identity.
	 * @param workspaceId the workspace id
	 * @param email the email
	 * @return the member's id, if known
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Optional<Long> memberIdByEmail(Long workspaceId, String email) {
		return this.index.byEmail(workspaceId, email);
	}

	/**
	 * The id of a member of a workspace with this Slack user id, without asking the
	 * directory (see {@link #memberIdByEmail}).
	 * @param workspaceId the workspace id
	 * @param slackUserId the Slack user id
	 * @return the member's id, if known
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Optional<Long> memberIdBySlackUserId(Long workspaceId, String slackUserId) {
		return this.index.bySlackUserId(workspaceId, slackUserId);
	}

	/**
	 * Find a member of a workspace by Slack user id, without asking the directory.
	 * @param workspaceId the workspace id
	 * @param slackUserId the Slack user id
	 * @return the member, if known
	 */
	@Transactional(readOnly = true)
	public Optional<Member> findBySlackUserId(Long workspaceId, String slackUserId) {
		return this.members.findByWorkspaceIdAndSlackUserId(workspaceId, slackUserId);
	}

	/**
	 * Find a workspace by id.
	 * @param workspaceId the workspace id
	 * @return the workspace, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<Workspace> findWorkspace(Long workspaceId) {
		return this.workspaces.findById(workspaceId);
	}

	/**
	 * Find a member by id.
	 * @param memberId the member id
	 * @return the member, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<Member> findById(Long memberId) {
		return this.members.findById(memberId);
	}

	/**
	 * Find members by id, in one read.
	 * @param memberIds the member ids
	 * @return the members that exist, in no particular order
	 */
	@Transactional(readOnly = true)
	public List<Member> findAllById(Collection<Long> memberIds) {
		return this.members.findAllById(memberIds);
	}

	/**
	 * Every workspace Legends knows, active or not.
	 * @return the workspaces
	 */
	@Transactional(readOnly = true)
	public List<Workspace> workspaces() {
		return this.workspaces.findAll();
	}

	/**
	 * All known members of a workspace.
	 * @param workspaceId the workspace id
	 * @return the members
	 */
	@Transactional(readOnly = true)
	public List<Member> all(Long workspaceId) {
		return this.members.findByWorkspaceId(workspaceId);
	}

	/**
	 * Every member of a workspace by id, read once per people version (a new person, an
	 * opt-out, a vacation or a new email moves it; an outcome does not) and at least
	 * every 30 s (for names and zones from Slack's profile refresh), for reads that need
	 * everyone (boards, the daily caps of pending outcomes). The members are shared: read
	 * them, never change them.
	 * @param workspaceId the workspace
	 * @return the members by id
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Map<Long, Member> directory(Long workspaceId) {
		return directoryOf(workspaceId).byId();
	}

	private Directory directoryOf(Long workspaceId) {
		return this.directories.get(workspaceId, () -> {
			Map<Long, Member> byId = new LinkedHashMap<>();
			Map<String, Member> bySlackUserId = new HashMap<>();
			this.members.findByWorkspaceId(workspaceId).forEach((member) -> {
				byId.put(member.getId(), member);
				bySlackUserId.put(member.getSlackUserId(), member);
			});
			return new Directory(Collections.unmodifiableMap(byId), Collections.unmodifiableMap(bySlackUserId));
		});
	}

	/**
	 * The members of a workspace who opted out, read once per people version (opting out
	 * or back in moves it, on whichever instance), so that team figures filter them
	 * without reading the team's members on every request.
	 * @param workspaceId the workspace
	 * @return their ids
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Set<Long> optedOut(Long workspaceId) {
		return this.optedOut.get(workspaceId, () -> Set.copyOf(this.members.findOptedOutIds(workspaceId)));
	}

	/**
	 * Whether the member is a Legends admin: listed in {@code LEGENDS_ADMIN_USERS} or a
	 * Slack workspace admin or owner.
	 * @param member the member
	 * @return {@code true} for admins
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public boolean isAdmin(Member member) {
		return member.isSlackAdmin() || this.properties.adminUsers().contains(member.getSlackUserId());
	}

	/**
	 * Opt a member out of (or back into) shared boards, digests and nudges.
	 * @param member the member
	 * @param optedOut the new setting
	 */
	public void setOptedOut(Member member, boolean optedOut) {
		changeListing(member, (stored) -> stored.setOptedOut(optedOut));
	}

	/**
	 * Mark a member as on vacation (left out of boards, digests and nudges) or back.
	 * @param member the member
	 * @param onVacation the new setting
	 */
	public void setOnVacation(Member member, boolean onVacation) {
		changeListing(member, (stored) -> stored.setOnVacation(onVacation));
	}

	/**
	 * Change whether boards list a member, on the member as stored (the one given may be
	 * shared, see {@link #member}), and say so.
	 */
	private void changeListing(Member member, Consumer<Member> change) {
		Member stored = this.members.findById(member.getId()).orElseThrow();
		change.accept(stored);
		this.members.save(stored);
		this.events.publishEvent(new MemberListingChanged(stored.getWorkspaceId(), stored.getId(), stored.isListed()));
	}

	/**
	 * Lock a member's row until the current transaction ends, so that what is limited per
	 * person (a confirmer's weekly limit, a reporter's daily cap) is checked one request
	 * at a time, on every instance: a second one waits, then counts the first.
	 * @param memberId the member
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockForLimits(Long memberId) {
		this.members.lockById(memberId);
	}

	/**
	 * Mark a workspace inactive after the app was uninstalled or its tokens revoked.
	 * @param teamId the Slack team id
	 */
	public void deactivate(String teamId) {
		this.workspaces.findBySlackTeamId(teamId).ifPresent((workspace) -> setActive(workspace, false));
	}

	/**
	 * Mark a workspace active again (Legends was reinstalled there).
	 * @param teamId the Slack team id
	 */
	public void activate(String teamId) {
		this.workspaces.findBySlackTeamId(teamId).ifPresent((workspace) -> setActive(workspace, true));
	}

	private void setActive(Workspace workspace, boolean active) {
		if (workspace.isActive() != active) {
			workspace.setActive(active);
			this.events.publishEvent(new WorkspaceActivityChanged(workspace.getId(), active));
		}
	}

	/**
	 * The workspace-wide default timezone.
	 * @return the timezone
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public ZoneId defaultZone() {
		return this.properties.timezone();
	}

	/**
	 * The workspace's member with this Slack id, created (never refreshed yet) when
	 * unknown; requests that meet a new person at once share one row.
	 */
	private Member memberFor(Workspace workspace, String userId) {
		return this.members.findByWorkspaceIdAndSlackUserId(workspace.getId(), userId).orElseGet(() -> {
			this.inserts.insert("insert into member (workspace_id, slack_user_id, display_name, time_zone, "
					+ "slack_admin, opted_out, on_vacation, refreshed_at) values (?, ?, ?, ?, false, false, false, ?)",
					workspace.getId(), userId, userId, this.properties.timezone().getId(), utc(Instant.EPOCH));
			return this.members.findByWorkspaceIdAndSlackUserId(workspace.getId(), userId).orElseThrow();
		});
	}

	/**
	 * The workspace with this Slack team id, created if unknown; requests that meet a new
	 * workspace at once share one row.
	 */
	private Workspace workspaceFor(String teamId) {
		Optional<Workspace> found = this.workspaces.findBySlackTeamId(teamId);
		if (found.isPresent()) {
			return found.get();
		}
		this.inserts.insert("insert into workspace (slack_team_id, active, created_at) values (?, true, ?)", teamId,
				utc(this.clock.instant()));
		return this.workspaces.findBySlackTeamId(teamId).orElseThrow();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private boolean isStale(Member member) {
		return member.getRefreshedAt().plus(STALE_AFTER).isBefore(this.clock.instant());
	}

	/** A workspace's members by id and by Slack id (shared: never changed). */
	private record Directory(Map<Long, Member> byId, Map<String, Member> bySlackUserId) {

	}

}
