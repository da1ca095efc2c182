package dev.legends.workspace;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface WorkspaceRepository extends JpaRepository<Workspace, Long> {

	Optional<Workspace> findBySlackTeamId(String slackTeamId);

}
