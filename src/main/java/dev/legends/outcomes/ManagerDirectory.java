package dev.legends.outcomes;

import java.util.List;

/**
 * Port to whoever knows a person's managers (the teams module). Without an
 * implementation, Legends admins act as everyone's managers.
 */
public interface ManagerDirectory {

	/**
	 * The managers of a person's teams.
	 * @param workspaceId the workspace
	 * @param memberId the person
	 * @return member ids of their managers, empty when unknown
	 */
	List<Long> managersOf(Long workspaceId, Long memberId);

}
