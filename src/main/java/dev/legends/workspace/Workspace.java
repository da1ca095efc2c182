package dev.legends.workspace;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A Slack workspace (team) that Legends serves.
 */
@Entity
public class Workspace {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "slack_team_id", nullable = false, unique = true)
	private String slackTeamId;

	private String name;

	private boolean active = true;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Workspace() {
	}

	public Long getId() {
		return this.id;
	}

	public String getSlackTeamId() {
		return this.slackTeamId;
	}

	public String getName() {
		return this.name;
	}

	public boolean isActive() {
		return this.active;
	}

	void setName(String name) {
		this.name = name;
	}

	void setActive(boolean active) {
		this.active = active;
	}

}
