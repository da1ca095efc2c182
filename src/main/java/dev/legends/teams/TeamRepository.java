package dev.legends.teams;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TeamRepository extends JpaRepository<TeamEntity, Long> {

	List<TeamEntity> findByWorkspaceIdOrderByNameKeyAsc(Long workspaceId);

	Optional<TeamEntity> findByWorkspaceIdAndNameKey(Long workspaceId, String nameKey);

	List<TeamEntity> findByUsergroupIdIsNotNull();

	@Query("select distinct t from TeamEntity t join t.memberIds m where m = :memberId order by t.nameKey")
	List<TeamEntity> findByMember(Long memberId);

	@Query("select distinct t from TeamEntity t join t.managerIds m where m = :memberId order by t.nameKey")
	List<TeamEntity> findByManager(Long memberId);

}
