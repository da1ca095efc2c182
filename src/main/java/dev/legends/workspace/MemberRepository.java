package dev.legends.workspace;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface MemberRepository extends JpaRepository<Member, Long> {

	Optional<Member> findByWorkspaceIdAndSlackUserId(Long workspaceId, String slackUserId);

	Optional<Member> findFirstByWorkspaceIdAndEmailIgnoreCase(Long workspaceId, String email);

	List<Member> findByWorkspaceId(Long workspaceId);

}
