package dev.legends.digest;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface DigestScheduleRepository extends JpaRepository<DigestSchedule, Long> {

	Optional<DigestSchedule> findByWorkspaceIdAndChannelId(Long workspaceId, String channelId);

	List<DigestSchedule> findByStatusNot(ScheduleStatus status);

	List<DigestSchedule> findByWorkspaceId(Long workspaceId);

}
