package dev.legends.slack.install;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.legends.slack.SlackTeamScope;
import dev.legends.workspace.WorkspaceKeys;

/**
 * Enterprise Grid: every team id of an org with an org-wide install belongs to the org's
 * one workspace (kept under the enterprise id); a workspace-level install, in an org or
 * not, stays its own workspace. Known from the request's installation while a request is
 * served (and in the background work it starts, which carries its scope), and from the
 * teams seen in the org's requests on any other thread.
 */
class OrgWorkspaceKeys implements WorkspaceKeys {

	private static final int MAX_TEAMS = 100_000;

	private final Map<String, String> orgOfTeam = new ConcurrentHashMap<>();

	@Override
	public String keyOf(String slackTeamId) {
		SlackTeamScope scope = SlackTeamScope.current().orElse(null);
		if (scope != null && scope.orgWide()) {
			return scope.teamKey();
		}
		if (scope != null && scope.teamKey() != null) {
			return slackTeamId;
		}
		return this.orgOfTeam.getOrDefault(slackTeamId, slackTeamId);
	}

	/**
	 * A request from a workspace of an org served by the org-wide install.
	 * @param teamId the workspace's team id
	 * @param enterpriseId the org's enterprise id
	 */
	void seen(String teamId, String enterpriseId) {
		if (teamId == null || enterpriseId == null || enterpriseId.equals(this.orgOfTeam.get(teamId))) {
			return;
		}
		if (this.orgOfTeam.size() >= MAX_TEAMS) {
			this.orgOfTeam.clear();
		}
		this.orgOfTeam.put(teamId, enterpriseId);
	}

	/**
	 * A workspace-level install of a team: it is its own workspace from now on.
	 * @param teamId the team id
	 */
	void installedOnItsOwn(String teamId) {
		if (teamId != null) {
			this.orgOfTeam.remove(teamId);
		}
	}

}
