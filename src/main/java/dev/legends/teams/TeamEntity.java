package dev.legends.teams;

import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * A stored team with its member and manager ids.
 */
@Entity
@Table(name = "team")
class TeamEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "workspace_id", nullable = false)
	private Long workspaceId;

	@Column(nullable = false)
	private String name;

	@Column(name = "name_key", nullable = false)
	private String nameKey;

	@Column(name = "usergroup_id")
	private String usergroupId;

	@Column(name = "digest_channel_id")
	private String digestChannelId;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "synced_at")
	private Instant syncedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "team_member", joinColumns = @JoinColumn(name = "team_id"))
	@Column(name = "member_id")
	private Set<Long> memberIds = new HashSet<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "team_manager", joinColumns = @JoinColumn(name = "team_id"))
	@Column(name = "member_id")
	private Set<Long> managerIds = new HashSet<>();

	protected TeamEntity() {
	}

	TeamEntity(Long workspaceId, Instant now) {
		this.workspaceId = workspaceId;
		this.createdAt = now;
		this.updatedAt = now;
	}

	static String keyOf(String name) {
		return name.strip().toLowerCase(Locale.ROOT);
	}

	void apply(TeamChange change, Set<Long> members, Instant now) {
		this.name = change.name();
		this.nameKey = keyOf(change.name());
		this.usergroupId = change.usergroupId();
		this.digestChannelId = change.digestChannelId();
		replace(this.memberIds, members);
		replace(this.managerIds, change.managerIds());
		this.updatedAt = now;
	}

	void syncMembers(Set<Long> members, Instant now) {
		replace(this.memberIds, members);
		this.syncedAt = now;
	}

	private static void replace(Set<Long> target, Set<Long> values) {
		target.retainAll(values);
		target.addAll(values);
	}

	Team toTeam() {
		return new Team(this.id, this.workspaceId, this.name, this.memberIds, this.managerIds, this.usergroupId,
				this.digestChannelId);
	}

	Long getId() {
		return this.id;
	}

	Long getWorkspaceId() {
		return this.workspaceId;
	}

	String getUsergroupId() {
		return this.usergroupId;
	}

}
