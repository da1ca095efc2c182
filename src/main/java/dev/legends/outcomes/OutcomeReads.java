package dev.legends.outcomes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

import org.springframework.jdbc.core.JdbcTemplate;
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
			+ "o.reported_at";

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
		return read("o.workspace_id = ? and o.occurred_at >= ? and o.occurred_at < ?", "o.occurred_at, o.id",
				workspaceId, at(start), at(end));
	}

	/**
	 * The outcomes of a workspace with a status, reported in a window.
	 * @param workspaceId the workspace
	 * @param status the status
	 * @param start the window's start
	 * @param end the window's end (excluded)
	 * @return the outcomes, first reported first
	 */
	List<OutcomeDetails> reportedBetween(Long workspaceId, OutcomeStatus status, Instant start, Instant end) {
		return read("o.workspace_id = ? and o.status = ? and o.reported_at >= ? and o.reported_at < ?",
				"o.reported_at, o.id", workspaceId, status.name(), at(start), at(end));
	}

	/**
	 * The first active report of each link in a workspace: the outcome that the duplicate
	 * rule credits (one pass over the workspace's outcomes with a link).
	 * @param workspaceId the workspace
	 * @return outcome id by link
	 */
	Map<String, Long> firstReportByLink(Long workspaceId) {
		// the earliest of each link found in one unsorted pass (sorting every linked
		// outcome of the workspace by report time cost more than the pass)
		Map<String, Report> first = new HashMap<>();
		this.jdbc.query("select o.link, o.id, o.reported_at from outcome o where o.workspace_id = ? "
				+ "and o.link is not null and o.status in (?, ?)", (ResultSet rs) -> {
					Report report = new Report(rs.getLong(2), rs.getObject(3, OffsetDateTime.class).toInstant());
					first.merge(rs.getString(1), report, BinaryOperator.minBy(Report.ORDER));
				}, workspaceId, OutcomeStatus.REPORTED.name(), OutcomeStatus.CONFIRMED.name());
		Map<String, Long> ids = new HashMap<>();
		first.forEach((link, report) -> ids.put(link, report.id()));
		return ids;
	}

	private List<OutcomeDetails> read(String where, String order, Object... args) {
		Map<Long, List<Long>> collaborators = new HashMap<>();
		this.jdbc.query("select c.outcome_id, c.member_id from outcome_collaborator c join outcome o "
				+ "on o.id = c.outcome_id where " + where, (ResultSet rs) -> {
					collaborators.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(rs.getLong(2));
				}, args);
		collaborators.values().forEach((ids) -> ids.sort(null));
		return this.jdbc.query("select " + COLUMNS + " from outcome o where " + where + " order by " + order,
				(rs, row) -> details(rs, collaborators.getOrDefault(rs.getLong(1), List.of())), args);
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

	/** An outcome by when it was reported: first reported first, then by id. */
	private record Report(long id, Instant at) {

		static final Comparator<Report> ORDER = Comparator.comparing(Report::at).thenComparingLong(Report::id);

	}

}
