package dev.legends.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A channel's weekly digest: when it posts (weekday, time, timezone), for which team,
 * with which sections, who owns it and whether it is active, failing or off.
 */
@Entity
public class DigestSchedule {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "workspace_id", nullable = false)
	private Long workspaceId;

	@Column(name = "channel_id", nullable = false)
	private String channelId;

	@Column(name = "team_id")
	private Long teamId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private DayOfWeek weekday;

	@Column(name = "local_time", nullable = false)
	private String localTime;

	@Column(name = "time_zone", nullable = false)
	private String timeZone;

	@Column(nullable = false)
	private String sections;

	@Column(name = "owner_member_id", nullable = false)
	private Long ownerMemberId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ScheduleStatus status;

	private String failure;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected DigestSchedule() {
	}

	DigestSchedule(Long workspaceId, String channelId) {
		this.workspaceId = workspaceId;
		this.channelId = channelId;
	}

	void apply(ScheduleSettings settings, ScheduleStatus status, Instant now) {
		this.teamId = settings.teamId();
		this.weekday = settings.weekday();
		this.localTime = settings.time().toString();
		this.timeZone = settings.zone().getId();
		this.sections = settings.sections().stream().sorted().map(DigestSection::name).collect(Collectors.joining(","));
		this.ownerMemberId = settings.ownerMemberId();
		this.status = status;
		this.failure = null;
		this.updatedAt = now;
	}

	void setStatus(ScheduleStatus status, String failure, Instant now) {
		this.status = status;
		this.failure = failure;
		this.updatedAt = now;
	}

	public Long getId() {
		return this.id;
	}

	public Long getWorkspaceId() {
		return this.workspaceId;
	}

	public String getChannelId() {
		return this.channelId;
	}

	/**
	 * The team the digest covers, or {@code null} for everyone in the workspace.
	 * @return the team id
	 */
	public Long getTeamId() {
		return this.teamId;
	}

	public DayOfWeek getWeekday() {
		return this.weekday;
	}

	public LocalTime getTime() {
		return LocalTime.parse(this.localTime);
	}

	public ZoneId getZoneId() {
		return ZoneId.of(this.timeZone);
	}

	/**
	 * The sections this digest includes.
	 * @return the sections, in display order
	 */
	public Set<DigestSection> getSections() {
		Set<DigestSection> result = EnumSet.noneOf(DigestSection.class);
		Arrays.stream(this.sections.split(","))
			.filter((name) -> !name.isBlank())
			.forEach((name) -> result.add(DigestSection.valueOf(name)));
		return result;
	}

	public Long getOwnerMemberId() {
		return this.ownerMemberId;
	}

	public ScheduleStatus getStatus() {
		return this.status;
	}

	/**
	 * Why the last post failed, while the schedule is failing.
	 * @return Slack's error code, or {@code null}
	 */
	public String getFailure() {
		return this.failure;
	}

	/**
	 * The settings this schedule was saved with.
	 * @return the settings
	 */
	public ScheduleSettings settings() {
		return new ScheduleSettings(this.teamId, this.weekday, getTime(), getZoneId(), getSections(),
				this.ownerMemberId);
	}

}
