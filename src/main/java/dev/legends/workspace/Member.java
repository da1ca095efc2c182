package dev.legends.workspace;

import java.time.Instant;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A person in a workspace, as Slack knows them, plus their Legends preferences (opt-out,
 * vacation).
 */
@Entity
public class Member {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "workspace_id", nullable = false)
	private Long workspaceId;

	@Column(name = "slack_user_id", nullable = false)
	private String slackUserId;

	@Column(name = "display_name", nullable = false)
	private String displayName;

	@Column(name = "real_name")
	private String realName;

	private String email;

	@Column(name = "time_zone", nullable = false)
	private String timeZone;

	@Column(name = "slack_admin")
	private boolean slackAdmin;

	@Column(name = "opted_out")
	private boolean optedOut;

	@Column(name = "on_vacation")
	private boolean onVacation;

	@Column(name = "refreshed_at", nullable = false)
	private Instant refreshedAt;

	protected Member() {
	}

	void apply(DirectoryEntry entry, Instant now) {
		this.displayName = entry.displayName();
		this.realName = entry.realName();
		this.email = entry.email();
		this.timeZone = entry.timeZone();
		this.slackAdmin = entry.admin();
		this.refreshedAt = now;
	}

	void retryLookupAfter(Instant refreshedAt) {
		this.refreshedAt = refreshedAt;
	}

	public Long getId() {
		return this.id;
	}

	public Long getWorkspaceId() {
		return this.workspaceId;
	}

	public String getSlackUserId() {
		return this.slackUserId;
	}

	/**
	 * Return the name shown on boards: never an @mention.
	 * @return the display name
	 */
	public String getDisplayName() {
		return this.displayName;
	}

	public String getRealName() {
		return this.realName;
	}

	public String getEmail() {
		return this.email;
	}

	public ZoneId getZoneId() {
		return ZoneId.of(this.timeZone);
	}

	public boolean isSlackAdmin() {
		return this.slackAdmin;
	}

	public boolean isOptedOut() {
		return this.optedOut;
	}

	public boolean isOnVacation() {
		return this.onVacation;
	}

	/**
	 * Whether this person may appear on shared boards, digests and nudges.
	 * @return {@code false} when opted out or on vacation
	 */
	public boolean isListed() {
		return !this.optedOut && !this.onVacation;
	}

	Instant getRefreshedAt() {
		return this.refreshedAt;
	}

	void setOptedOut(boolean optedOut) {
		this.optedOut = optedOut;
	}

	void setOnVacation(boolean onVacation) {
		this.onVacation = onVacation;
	}

}
