package dev.legends.teams;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TeamRepository extends JpaRepository<TeamEntity, Long> {

	Optional<TeamEntity> findByWorkspaceIdAndNameKey(Long workspaceId, String nameKey);

	List<TeamEntity> findByUsergroupIdIsNotNull();

}
