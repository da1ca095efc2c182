package dev.legends.workspace;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface MemberRepository extends JpaRepository<Member, Long> {

	Optional<Member> findByWorkspaceIdAndSlackUserId(Long workspaceId, String slackUserId);

	@Query("select m from Member m, Workspace w where w.id = m.workspaceId and w.slackTeamId = ?1 "
			+ "and m.slackUserId = ?2")
	Optional<Member> findBySlackTeamIdAndSlackUserId(String slackTeamId, String slackUserId);

	List<Member> findByWorkspaceId(Long workspaceId);

	@Query("select m.id from Member m where m.workspaceId = ?1 and m.optedOut = true")
	List<Long> findOptedOutIds(Long workspaceId);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select m from Member m where m.id = ?1")
	Optional<Member> lockById(Long id);

}
