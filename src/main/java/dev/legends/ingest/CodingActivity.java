package dev.legends.ingest;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageLedger;
import dev.legends.workspace.CacheEpochs;
import dev.legends.workspace.Member;
import dev.legends.workspace.TimeWindow;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

	private final CacheEpochs epochs;

	/**
	 * Whether each workspace has any coding activity: most never import any, and then a
	 * person's activity needs no query. Forgotten when activity is imported (on another
	 * instance: within about a second, see {@link CacheEpochs}).
	 */
	private final Cache<Long, Boolean> hasActivity = Caffeine.newBuilder().maximumSize(10_000).build();

	CodingActivity(JdbcTemplate jdbc, UsageLedger ledger, CacheEpochs epochs) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.epochs = epochs;
		this.clock = Clock.systemUTC();
		epochs.onBump(CacheEpochs.CODING_ACTIVITY, this.hasActivity::invalidateAll);
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
		if (!days.isEmpty()) {
			this.epochs.bump(CacheEpochs.CODING_ACTIVITY);
			forgetAfterCommit(workspaceId);
		}
	}

	/**
	 * A person's activity signals in a period, summed over sources and days: only their
	 * own rows are read (a workspace's week may hold one per person, day and source).
	 * @param workspaceId the workspace
	 * @param identities the person's identities (email, Slack id, key names …)
	 * @param from the first day
	 * @param until the day after the last day
	 * @return the sums (zero when nothing was imported)
	 */
	@Transactional(readOnly = true)
	public ActivityTotals totals(Long workspaceId, Collection<UsageIdentity> identities, LocalDate from,
			LocalDate until) {
		if (identities.isEmpty()) {
			return ActivityTotals.NONE;
		}
		List<Object> arguments = new ArrayList<>(List.of(workspaceId, Date.valueOf(from), Date.valueOf(until)));
		identities.forEach((identity) -> {
			arguments.add(identity.kind().name());
			arguments.add(identity.value());
		});
		String theirs = String.join(" or ",
				Collections.nCopies(identities.size(), "(identity_kind = ? and identity_value = ?)"));
		return this.jdbc.queryForObject("select coalesce(sum(sessions), 0), coalesce(sum(lines_added), 0), "
				+ "coalesce(sum(lines_removed), 0), coalesce(sum(commits), 0), coalesce(sum(pull_requests), 0), "
				+ "count(*) from coding_activity where workspace_id = ? and activity_day >= ? and activity_day < ? "
				+ "and (" + theirs + ")",
				(rs, row) -> new ActivityTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
						rs.getLong(5), rs.getInt(6)),
				arguments.toArray());
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
		if (!hasActivity(member.getWorkspaceId())) {
			return ActivityTotals.NONE;
		}
		Set<UsageIdentity> identities = new HashSet<>(this.ledger.identitiesOf(member.getId()));
		identities.add(UsageIdentity.slackId(member.getSlackUserId()));
		if (member.getEmail() != null && !member.getEmail().isBlank()) {
			identities.add(UsageIdentity.email(member.getEmail()));
		}
		return totals(member.getWorkspaceId(), identities, LocalDate.ofInstant(window.start(), member.getZoneId()),
				LocalDate.ofInstant(window.end(), member.getZoneId()));
	}

	private boolean hasActivity(Long workspaceId) {
		Boolean known = this.hasActivity.getIfPresent(workspaceId);
		if (known != null) {
			return known;
		}
		boolean any = !this.jdbc
			.queryForList("select 1 from coding_activity where workspace_id = ? fetch first 1 rows only", Integer.class,
					workspaceId)
			.isEmpty();
		this.hasActivity.put(workspaceId, any);
		return any;
	}

	/**
	 * This instance forgets at once, once the import is committed (others within a
	 * second).
	 */
	private void forgetAfterCommit(Long workspaceId) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					CodingActivity.this.hasActivity.invalidate(workspaceId);
				}
			});
		}
		else {
			this.hasActivity.invalidate(workspaceId);
		}
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

		/** No activity. */
		public static final ActivityTotals NONE = new ActivityTotals(0, 0, 0, 0, 0, 0);

	}

}
