package dev.legends.teams;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface GoalRepository extends JpaRepository<GoalEntity, Long> {

	List<GoalEntity> findByTeamIdOrderByIdDesc(Long teamId);

}
