package dev.legends.teams;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface GoalRepository extends JpaRepository<GoalEntity, Long> {

	List<GoalEntity> findByTeamIdOrderByIdDesc(Long teamId);

	@Query("select g from GoalEntity g, TeamEntity t where t.id = g.teamId and t.workspaceId = :workspaceId "
			+ "order by g.id desc")
	List<GoalEntity> findByWorkspaceId(Long workspaceId);

}
