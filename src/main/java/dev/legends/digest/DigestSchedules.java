package dev.legends.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import dev.legends.teams.Team;
import dev.legends.teams.Teams;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import dev.legends.workspace.WorkspaceActivityChanged;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Channel digests: set up, post now, turn off, and who may do so.
 */
@Service
@Transactional
public class DigestSchedules {

	private final DigestScheduleRepository schedules;

	private final DigestTriggers triggers;

	private final DigestRunner runner;

	private final Members members;

	private final Teams teams;

	private final Clock clock;

	DigestSchedules(DigestScheduleRepository schedules, DigestTriggers triggers, DigestRunner runner, Members members,
			Teams teams, Optional<Clock> clock) {
		this.schedules = schedules;
		this.triggers = triggers;
		this.runner = runner;
		this.members = members;
		this.teams = teams;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * The digest schedule of a channel.
	 * @param workspaceId the workspace
	 * @param channelId the channel
	 * @return the schedule, if the channel has one
	 */
	@Transactional(readOnly = true)
	public Optional<DigestSchedule> find(long workspaceId, String channelId) {
		return this.schedules.findByWorkspaceIdAndChannelId(workspaceId, channelId);
	}

	/**
	 * Create or change a channel's digest and (re)schedule it; it is active afterwards.
	 * @param workspaceId the workspace
	 * @param channelId the channel
	 * @param settings the settings
	 * @return the saved schedule
	 */
	public DigestSchedule save(long workspaceId, String channelId, ScheduleSettings settings) {
		DigestSchedule schedule = this.schedules.findByWorkspaceIdAndChannelId(workspaceId, channelId)
			.orElseGet(() -> new DigestSchedule(workspaceId, channelId));
		schedule.apply(settings, ScheduleStatus.ACTIVE, this.clock.instant());
		DigestSchedule saved = this.schedules.saveAndFlush(schedule);
		this.triggers.schedule(saved);
		return saved;
	}

	/**
	 * Stop a channel's digest.
	 * @param workspaceId the workspace
	 * @param channelId the channel
	 * @return {@code true} when a digest was running and is now off
	 */
	public boolean turnOff(long workspaceId, String channelId) {
		Optional<DigestSchedule> schedule = this.schedules.findByWorkspaceIdAndChannelId(workspaceId, channelId)
			.filter((found) -> found.getStatus() != ScheduleStatus.OFF);
		schedule.ifPresent((found) -> {
			found.setStatus(ScheduleStatus.OFF, null, this.clock.instant());
			this.triggers.unschedule(found.getId());
		});
		return schedule.isPresent();
	}

	/**
	 * Claim a channel's week-to-date digest of this minute, to be posted with
	 * {@link #post(DigestNow)}; when an earlier request of the same minute claimed it,
	 * say whether it is being posted or where it was. A channel without a schedule gets
	 * the default settings (kept off until set up).
	 * @param workspaceId the workspace
	 * @param channelId the channel
	 * @param caller who asked (owner of a new schedule)
	 * @return what was found
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public DigestNow startNow(long workspaceId, String channelId, Member caller) {
		return this.runner.claimNow(scheduleFor(workspaceId, channelId, caller));
	}

	/**
	 * Compose and post a digest {@link #startNow} claimed (slow: run it in the
	 * background).
	 * @param now the claimed digest
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void post(DigestNow now) {
		this.runner.deliver(now);
	}

	/**
	 * The channel's schedule, created off with the default settings when it has none;
	 * requests that create it at the same moment share one.
	 */
	private DigestSchedule scheduleFor(long workspaceId, String channelId, Member caller) {
		return this.schedules.findByWorkspaceIdAndChannelId(workspaceId, channelId).orElseGet(() -> {
			DigestSchedule created = new DigestSchedule(workspaceId, channelId);
			created.apply(ScheduleSettings.defaults(this.members.defaultZone(), caller.getId()), ScheduleStatus.OFF,
					this.clock.instant());
			try {
				return this.schedules.saveAndFlush(created);
			}
			catch (DataIntegrityViolationException ex) {
				return this.schedules.findByWorkspaceIdAndChannelId(workspaceId, channelId).orElseThrow(() -> ex);
			}
		});
	}

	/**
	 * Pause the triggers of an uninstalled workspace's digests (nothing fires for them,
	 * not even to be skipped), and resume them when Legends is installed there again.
	 * @param change the workspace's new state
	 */
	@EventListener
	public void onWorkspaceActivity(WorkspaceActivityChanged change) {
		for (DigestSchedule schedule : this.schedules.findByWorkspaceId(change.workspaceId())) {
			if (schedule.getStatus() == ScheduleStatus.OFF) {
				continue;
			}
			if (change.active()) {
				this.triggers.resume(schedule.getId());
			}
			else {
				this.triggers.pause(schedule.getId());
			}
		}
	}

	/**
	 * Delete the triggers of every digest of a workspace whose data is being deleted.
	 * @param workspaceId the workspace
	 * @return how many schedules it had
	 */
	public int unscheduleAll(long workspaceId) {
		List<DigestSchedule> all = this.schedules.findByWorkspaceId(workspaceId);
		all.forEach((schedule) -> this.triggers.unschedule(schedule.getId()));
		return all.size();
	}

	/**
	 * When a schedule posts next.
	 * @param schedule the schedule
	 * @return the next time, empty when off
	 */
	@Transactional(readOnly = true)
	public Optional<Instant> nextRun(DigestSchedule schedule) {
		return this.triggers.nextFire(schedule.getId()).map(Date::toInstant);
	}

	/**
	 * Whether a person may set up, post or stop digests: admins, and managers of a team.
	 * @param member the person
	 * @return {@code true} when allowed
	 */
	@Transactional(readOnly = true)
	public boolean mayManage(Member member) {
		return this.members.isAdmin(member) || this.teams.isManager(member);
	}

	/**
	 * Whether a person may set up a digest for a team (or, with {@code null}, for the
	 * channel's members): admins for any team of their workspace, managers for their
	 * teams.
	 * @param member the person
	 * @param teamId the team, or {@code null}
	 * @return {@code true} when allowed
	 */
	@Transactional(readOnly = true)
	public boolean mayManage(Member member, Long teamId) {
		if (teamId == null) {
			return mayManage(member);
		}
		if (this.members.isAdmin(member)) {
			return this.teams.find(teamId)
				.filter((team) -> team.workspaceId().equals(member.getWorkspaceId()))
				.isPresent();
		}
		return this.teams.isManagerOf(member.getId(), teamId);
	}

	/**
	 * The teams a person may pick for a digest: every team for admins, the teams they
	 * manage for managers.
	 * @param member the person
	 * @return the teams
	 */
	@Transactional(readOnly = true)
	public List<Team> teamsFor(Member member) {
		return this.members.isAdmin(member) ? this.teams.all(member.getWorkspaceId()) : this.teams.managedBy(member);
	}

	/**
	 * The timezone a new digest defaults to ({@code LEGENDS_TIMEZONE}).
	 * @return the zone
	 */
	@Transactional(readOnly = true)
	public ZoneId defaultZone() {
		return this.members.defaultZone();
	}

}
