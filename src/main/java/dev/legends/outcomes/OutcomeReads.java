package dev.legends.outcomes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads many outcomes at once (a board's window: thousands) as {@link OutcomeDetails}
 * with two plain queries, the outcomes and all their collaborators, instead of loading
 * them as entities into a persistence context.
 */
@Component
class OutcomeReads {

	private static final String COLUMNS = "o.id, o.workspace_id, o.reporter_id, o.kind, o.title, o.link, o.size, "
			+ "o.outcome_date, o.confirmer_id, o.notes, o.status, o.decided_by, o.decided_at, o.decision_reason, "
			+ "o.reported_at, o.occurred_at";

	private final JdbcTemplate jdbc;

	OutcomeReads(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The outcomes of a workspace that occurred in a window, in order of occurrence.
	 * @param workspaceId the workspace
	 * @param start the window's start
	 * @param end the window's end (excluded)
	 * @return the outcomes
	 */
	List<OutcomeDetails> occurredBetween(Long workspaceId, Instant start, Instant end) {
		return datedBetween(workspaceId, start, end).stream().map(Dated::details).toList();
	}

	/**
	 * The outcomes of a workspace that occurred in a window, in order of occurrence, with
	 * when they occurred.
	 * @param workspaceId the workspace
	 * @param start the window's start
	 * @param end the window's end (excluded)
	 * @return the outcomes
	 */
	List<Dated> datedBetween(Long workspaceId, Instant start, Instant end) {
		return read("o.workspace_id = ? and o.occurred_at >= ? and o.occurred_at < ?", "o.occurred_at, o.id",
				workspaceId, at(start), at(end));
	}

	/**
	 * The outcomes of a workspace changed after a change version (see
	 * {@link #markChanged}), with when they occurred.
	 * @param workspaceId the workspace
	 * @param version the version
	 * @return the outcomes, in order of occurrence
	 */
	List<Dated> changedSince(Long workspaceId, long version) {
		return read("o.workspace_id = ? and o.changed_version > ?", "o.occurred_at, o.id", workspaceId, version);
	}

	/**
	 * Mark an outcome as changed at a change version (in the change's transaction).
	 * @param outcomeId the outcome
	 * @param version the workspace's change version as of the change
	 */
	void markChanged(Long outcomeId, long version) {
		this.jdbc.update("update outcome set changed_version = ? where id = ?", version, outcomeId);
	}

	/**
	 * The outcomes of a workspace with a status, reported in a window.
	 * @param workspaceId the workspace
	 * @param status the status
	 * @param start the window's start
	 * @param end the window's end (excluded)
	 * @param reporters only theirs, or {@code null} for everyone's
	 * @return the outcomes, first reported first
	 */
	List<OutcomeDetails> reportedBetween(Long workspaceId, OutcomeStatus status, Instant start, Instant end,
			Collection<Long> reporters) {
		List<Object> args = new ArrayList<>(List.of(workspaceId, status.name(), at(start), at(end)));
		String where = "o.workspace_id = ? and o.status = ? and o.reported_at >= ? and o.reported_at < ?";
		if (reporters != null) {
			where += " and o.reporter_id in (" + String.join(", ", Collections.nCopies(reporters.size(), "?")) + ")";
			args.addAll(reporters);
		}
		return read(where, "o.reported_at, o.id", args.toArray()).stream().map(Dated::details).toList();
	}

	/**
	 * The first active report of each link that more than one active outcome of a
	 * workspace has: the outcome that the duplicate rule credits. Since the active link
	 * is unique per workspace (V22), only reports stored before it can share a link with
	 * an active outcome (they were left active without taking the link), so this reads
	 * the outcomes of those links only, not every linked outcome of the workspace: any
	 * other active outcome is the only active report of its link.
	 * @param workspaceId the workspace
	 * @return outcome id by link, for links reported more than once while active
	 */
	Map<String, Long> firstReportOfSharedLinks(Long workspaceId) {
		List<String> shared = this.jdbc.queryForList(
				"select distinct o.link from outcome o where o.workspace_id = ? and o.active_link is null "
						+ "and o.link is not null and o.status in (?, ?)",
				String.class, workspaceId, OutcomeStatus.REPORTED.name(), OutcomeStatus.CONFIRMED.name());
		Map<String, Long> ids = new HashMap<>();
		if (shared.isEmpty()) {
			return ids;
		}
		Map<String, Report> first = new HashMap<>();
		new NamedParameterJdbcTemplate(this.jdbc).query(
				"select o.link, o.id, o.reported_at from outcome o where o.workspace_id = :workspace "
						+ "and o.status in (:active) and o.link in (:links)",
				Map.of("workspace", workspaceId, "active",
						List.of(OutcomeStatus.REPORTED.name(), OutcomeStatus.CONFIRMED.name()), "links", shared),
				(ResultSet rs) -> {
					Report report = new Report(rs.getLong(2), rs.getObject(3, OffsetDateTime.class).toInstant());
					first.merge(rs.getString(1), report, BinaryOperator.minBy(Report.ORDER));
				});
		first.forEach((link, report) -> ids.put(link, report.id()));
		return ids;
	}

	private List<Dated> read(String where, String order, Object... args) {
		Map<Long, List<Long>> collaborators = new HashMap<>();
		this.jdbc.query("select c.outcome_id, c.member_id from outcome_collaborator c join outcome o "
				+ "on o.id = c.outcome_id where " + where, (ResultSet rs) -> {
					collaborators.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(rs.getLong(2));
				}, args);
		collaborators.values().forEach((ids) -> ids.sort(null));
		return this.jdbc.query("select " + COLUMNS + " from outcome o where " + where + " order by " + order,
				(rs, row) -> new Dated(details(rs, collaborators.getOrDefault(rs.getLong(1), List.of())),
						instant(rs.getObject(16, OffsetDateTime.class))),
				args);
	}

	private static OutcomeDetails details(ResultSet rs, List<Long> collaborators) throws SQLException {
		return new OutcomeDetails(rs.getLong(1), rs.getLong(2), rs.getLong(3), OutcomeKind.valueOf(rs.getString(4)),
				rs.getString(5), rs.getString(6), OutcomeSize.valueOf(rs.getString(7)),
				rs.getObject(8, LocalDate.class), List.copyOf(collaborators), rs.getObject(9, Long.class),
				rs.getString(10), OutcomeStatus.valueOf(rs.getString(11)), rs.getObject(12, Long.class),
				instant(rs.getObject(13, OffsetDateTime.class)), rs.getString(14),
				instant(rs.getObject(15, OffsetDateTime.class)));
	}

	private static Instant instant(OffsetDateTime at) {
		return (at != null) ? at.toInstant() : null;
	}

	private static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * An outcome and when it occurred (its date at noon in its reporter's zone): the
	 * order of a window's outcomes.
	 *
	 * @param details the outcome
	 * @param occurredAt when it occurred
	 */
	record Dated(OutcomeDetails details, Instant occurredAt) {

	}

	/** An outcome by when it was reported: first reported first, then by id. */
	private record Report(long id, Instant at) {

		static final Comparator<Report> ORDER = Comparator.comparing(Report::at).thenComparingLong(Report::id);

	}

}
