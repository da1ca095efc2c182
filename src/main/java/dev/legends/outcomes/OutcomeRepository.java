package dev.legends.outcomes;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OutcomeRepository extends JpaRepository<Outcome, Long> {

	/**
	 * The outcomes a member reported, dated in a window (through the reporter index).
	 * @param memberId the member
	 * @param start the window's start
	 * @param end the window's end
	 * @return the outcomes
	 */
	@Query("select o from Outcome o where o.reporterId = ?1 and o.occurredAt >= ?2 and o.occurredAt < ?3")
	List<Outcome> findReportedBy(Long memberId, Instant start, Instant end);

	/**
	 * The outcomes a member shares with their reporter, dated in a window (through the
	 * collaborator index; one query with "reporter or collaborator" read every outcome).
	 * @param memberId the member
	 * @param start the window's start
	 * @param end the window's end
	 * @return the outcomes
	 */
	@Query("select o from Outcome o join o.collaboratorIds c where c = ?1 and o.occurredAt >= ?2 "
			+ "and o.occurredAt < ?3")
	List<Outcome> findSharedWith(Long memberId, Instant start, Instant end);

	@Query("select o from Outcome o where o.workspaceId = ?1 and o.link in ?2 and o.status in ?3 "
			+ "order by o.reportedAt, o.id")
	List<Outcome> findByLinks(Long workspaceId, Collection<String> links, Collection<OutcomeStatus> statuses);

	@Query("select o from Outcome o where o.reporterId = ?1 and o.status = ?2 and o.reportedAt >= ?3 "
			+ "and o.reportedAt < ?4")
	List<Outcome> findReportedBetween(Long reporterId, OutcomeStatus status, Instant start, Instant end);

	@Query("select count(o) from Outcome o where o.reporterId = ?1 and o.decidedBy = ?2 and o.status = ?3 "
			+ "and o.decidedAt >= ?4 and o.decidedAt < ?5")
	long countDecided(Long reporterId, Long deciderId, OutcomeStatus status, Instant start, Instant end);

}
