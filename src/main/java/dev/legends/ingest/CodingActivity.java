package dev.legends.ingest;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageLedger;
import dev.legends.workspace.Member;
import dev.legends.workspace.TimeWindow;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily Claude Code activity signals per person identity (sessions, lines added and
 * removed, commits and pull requests by Claude Code), for context in {@code why} and
 * digests. They show activity, never delivered outcomes.
 */
@Service
public class CodingActivity {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final UsageLedger ledger;

	CodingActivity(JdbcTemplate jdbc, UsageLedger ledger) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Store signals from one source; a person's day already stored from that source is
	 * replaced (the source reports whole-day totals), signals of the same person and day
	 * in one call are added up.
	 * @param workspaceId the workspace
	 * @param source where the signals come from, e.g. {@code claude-code-analytics}
	 * @param signals the signals
	 */
	@Transactional
	public void record(Long workspaceId, String source, List<ActivitySignal> signals) {
		Map<List<Object>, ActivitySignal> days = new LinkedHashMap<>();
		for (ActivitySignal signal : signals) {
			days.merge(List.of(signal.user(), signal.day()), signal, ActivitySignal::plus);
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		for (ActivitySignal day : days.values()) {
			Object[] values = { day.sessions(), day.linesAdded(), day.linesRemoved(), day.commits(), day.pullRequests(),
					now, workspaceId, day.user().kind().name(), day.user().value(), Date.valueOf(day.day()), source };
			int updated = this.jdbc.update("update coding_activity set sessions = ?, lines_added = ?, "
					+ "lines_removed = ?, commits = ?, pull_requests = ?, imported_at = ? where workspace_id = ? "
					+ "and identity_kind = ? and identity_value = ? and activity_day = ? and source = ?", values);
			if (updated == 0) {
				this.jdbc.update("insert into coding_activity (sessions, lines_added, lines_removed, commits, "
						+ "pull_requests, imported_at, workspace_id, identity_kind, identity_value, activity_day, "
						+ "source) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
			}
		}
	}

	/**
	 * A person's activity signals in a period, summed over sources and days.
	 * @param workspaceId the workspace
	 * @param identities the person's identities (email, Slack id, key names …)
	 * @param from the first day
	 * @param until the day after the last day
	 * @return the sums (zero when nothing was imported)
	 */
	@Transactional(readOnly = true)
	public ActivityTotals totals(Long workspaceId, Collection<UsageIdentity> identities, LocalDate from,
			LocalDate until) {
		long[] sums = new long[6];
		for (ActivitySignal signal : signals(workspaceId, from, until)) {
			if (identities.contains(signal.user())) {
				sums[0] += signal.sessions();
				sums[1] += signal.linesAdded();
				sums[2] += signal.linesRemoved();
				sums[3] += signal.commits();
				sums[4] += signal.pullRequests();
				sums[5]++;
			}
		}
		return new ActivityTotals(sums[0], sums[1], sums[2], sums[3], sums[4], (int) sums[5]);
	}

	/**
	 * A member's activity signals in a period (reported under their email, Slack id or an
	 * API key name mapped to them), counting the days the period covers in their
	 * timezone.
	 * @param member the person
	 * @param window the period
	 * @return the sums (zero when nothing was imported)
	 */
	@Transactional(readOnly = true)
	public ActivityTotals totalsFor(Member member, TimeWindow window) {
		Set<UsageIdentity> identities = new HashSet<>(this.ledger.identitiesOf(member.getId()));
		identities.add(UsageIdentity.slackId(member.getSlackUserId()));
		if (member.getEmail() != null && !member.getEmail().isBlank()) {
			identities.add(UsageIdentity.email(member.getEmail()));
		}
		return totals(member.getWorkspaceId(), identities, LocalDate.ofInstant(window.start(), member.getZoneId()),
				LocalDate.ofInstant(window.end(), member.getZoneId()));
	}

	/**
	 * Every activity signal of a workspace in a period, one per identity, day and source.
	 * @param workspaceId the workspace
	 * @param from the first day
	 * @param until the day after the last day
	 * @return the signals, by day
	 */
	@Transactional(readOnly = true)
	public List<ActivitySignal> signals(Long workspaceId, LocalDate from, LocalDate until) {
		return new ArrayList<>(this.jdbc.query(
				"select identity_kind, identity_value, activity_day, sessions, lines_added, lines_removed, commits, "
						+ "pull_requests from coding_activity where workspace_id = ? and activity_day >= ? "
						+ "and activity_day < ? order by activity_day, id",
				(rs, row) -> new ActivitySignal(
						new UsageIdentity(UsageIdentity.Kind.valueOf(rs.getString(1)), rs.getString(2)),
						rs.getDate(3).toLocalDate(), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
						rs.getLong(8)),
				workspaceId, Date.valueOf(from), Date.valueOf(until)));
	}

	/**
	 * Sums of activity signals.
	 *
	 * @param sessions sessions started
	 * @param linesAdded lines of code added
	 * @param linesRemoved lines of code removed
	 * @param commits commits by Claude Code
	 * @param pullRequests pull requests by Claude Code
	 * @param days how many person-days (per source) the sums cover
	 */
	public record ActivityTotals(long sessions, long linesAdded, long linesRemoved, long commits, long pullRequests,
			int days) {

	}

}
