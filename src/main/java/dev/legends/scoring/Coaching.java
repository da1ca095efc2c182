package dev.legends.scoring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.legends.scoring.internal.CoachingRules;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import dev.legends.workspace.WorkspaceProperties;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Weekly coaching flags: each listed person's last full week against the four before it;
 * a note is claimed in a ledger (one per person and week) before it is sent, by DM only.
 */
@Service
public class Coaching {

	private static final int WEEKS = 5;

	private final Snapshots snapshots;

	private final Members members;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final ScoringProperties properties;

	private final WorkspaceProperties workspace;

	private final Clock clock;

	Coaching(Snapshots snapshots, Members members, JdbcTemplate jdbc, ApplicationEventPublisher events,
			ScoringProperties properties, WorkspaceProperties workspace, Optional<Clock> clock) {
		this.snapshots = snapshots;
		this.members = members;
		this.jdbc = jdbc;
		this.events = events;
		this.properties = properties;
		this.workspace = workspace;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Run the weekly coaching for every active workspace (a Quartz job, once per cluster:
	 * Mondays, 10:00 in {@code LEGENDS_TIMEZONE} by default).
	 */
	public void weekly() {
		if (!this.properties.coaching().enabled()) {
			return;
		}
		this.jdbc.queryForList("select id from workspace where active = true", Long.class)
			.forEach((id) -> run(id, this.clock.instant()));
	}

	/**
	 * Judge the last full week before an instant for every listed person of a workspace
	 * and send each flag once.
	 * @param workspaceId the workspace
	 * @param now the instant whose previous ISO week is judged
	 * @return the notes claimed and sent by this run
	 */
	public List<CoachingNoteDue> run(Long workspaceId, Instant now) {
		Period week = Period.last(Period.Kind.WEEK, now, this.workspace.timezone());
		List<Map<Long, PersonFigures>> weeks = new ArrayList<>();
		Period period = week;
		for (int i = 0; i < WEEKS; i++) {
			weeks.add(0, this.snapshots.people(workspaceId, period));
			period = period.previous();
		}
		List<CoachingNoteDue> sent = new ArrayList<>();
		for (Member member : this.members.all(workspaceId)) {
			if (!member.isListed()) {
				continue;
			}
			List<CoachingRules.Week> series = weeks.stream()
				.map((figures) -> week(figures.get(member.getId())))
				.toList();
			CoachingRules.evaluate(series, this.properties.coaching())
				.filter((flag) -> claim(member, week, flag))
				.ifPresent((flag) -> {
					CoachingNoteDue note = new CoachingNoteDue(workspaceId, member.getId(), member.getSlackUserId(),
							week, flag);
					this.events.publishEvent(note);
					sent.add(note);
				});
		}
		return sent;
	}

	private boolean claim(Member member, Period week, CoachingFlag flag) {
		try {
			this.jdbc.update(
					"insert into coaching_note (workspace_id, member_id, week_key, kind, sent_at) values (?, ?, ?, ?, ?)",
					member.getWorkspaceId(), member.getId(), week.key(), flag.kind().name(),
					java.time.OffsetDateTime.ofInstant(this.clock.instant(), java.time.ZoneOffset.UTC));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private static CoachingRules.Week week(PersonFigures person) {
		return (person != null) ? new CoachingRules.Week(person.points(), person.confirmedOutcomes(), person.cost())
				: new CoachingRules.Week(0, 0, 0);
	}

}
