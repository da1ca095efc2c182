package dev.legends.slack.install;

import dev.legends.slack.SlackTeamScope;
import dev.legends.workspace.WorkspaceKeys;

/**
 * Enterprise Grid: while a request served by an org-wide install is handled, every team
 * id it carries belongs to the org's one workspace (kept under the enterprise id); a
 * workspace-level install, in an org or not, stays its own workspace.
 */
class OrgWorkspaceKeys implements WorkspaceKeys {

	@Override
	public String keyOf(String slackTeamId) {
		return SlackTeamScope.current()
			.filter(SlackTeamScope::orgWide)
			.map(SlackTeamScope::teamKey)
			.orElse(slackTeamId);
	}

}
