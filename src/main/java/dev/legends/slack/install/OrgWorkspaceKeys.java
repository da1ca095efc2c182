package dev.legends.slack.install;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.legends.slack.SlackTeamScope;
import dev.legends.workspace.CacheEpochs;
import dev.legends.workspace.WorkspaceKeys;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Enterprise Grid: every team id of an org with an org-wide install belongs to the org's
 * one workspace (kept under the enterprise id); a workspace-level install, in an org or
 * not, stays its own workspace. Known from the request's installation while a request is
 * served (and in the background work it starts, which carries its scope); elsewhere from
 * the {@code slack_org_team} table, which every instance writes when it serves a request
 * of an org's workspace and reads for a team id it does not know yet. The answers are
 * cached per instance; a change of the table on any instance drops every instance's cache
 * within about a second ({@link CacheEpochs#ORG_TEAMS}).
 */
class OrgWorkspaceKeys implements WorkspaceKeys {

	private static final int MAX_TEAMS = 100_000;

	private final JdbcTemplate jdbc;

	private final CacheEpochs epochs;

	private final Clock clock;

	/**
	 * The org of each team id looked up, or empty for a team that is its own workspace.
	 */
	private final Map<String, Optional<String>> orgOfTeam = new ConcurrentHashMap<>();

	OrgWorkspaceKeys(JdbcTemplate jdbc, CacheEpochs epochs, Clock clock) {
		this.jdbc = jdbc;
		this.epochs = epochs;
		this.clock = clock;
		epochs.onBump(CacheEpochs.ORG_TEAMS, this.orgOfTeam::clear);
	}

	@Override
	public String keyOf(String slackTeamId) {
		SlackTeamScope scope = SlackTeamScope.current().orElse(null);
		if (scope != null && scope.orgWide()) {
			return scope.teamKey();
		}
		if (scope != null && scope.teamKey() != null) {
			return slackTeamId;
		}
		return (slackTeamId != null) ? orgOf(slackTeamId).orElse(slackTeamId) : null;
	}

	private Optional<String> orgOf(String teamId) {
		Optional<String> known = this.orgOfTeam.get(teamId);
		if (known != null) {
			return known;
		}
		Optional<String> stored = stored(teamId);
		remember(teamId, stored);
		return stored;
	}

	private Optional<String> stored(String teamId) {
		return this.jdbc
			.queryForList("select enterprise_id from slack_org_team where team_id = ?", String.class, teamId)
			.stream()
			.findFirst();
	}

	/**
	 * A request from a workspace of an org served by the org-wide install: remembered in
	 * the database the first time (or when the team moved to another org).
	 * @param teamId the workspace's team id
	 * @param enterpriseId the org's enterprise id
	 */
	void seen(String teamId, String enterpriseId) {
		if (teamId == null || enterpriseId == null) {
			return;
		}
		Optional<String> org = Optional.of(enterpriseId);
		if (org.equals(this.orgOfTeam.get(teamId))) {
			return;
		}
		if (!org.equals(stored(teamId))) {
			store(teamId, enterpriseId);
			this.epochs.bump(CacheEpochs.ORG_TEAMS);
		}
		remember(teamId, org);
	}

	private void store(String teamId, String enterpriseId) {
		Timestamp now = Timestamp.from(this.clock.instant());
		String update = "update slack_org_team set enterprise_id = ?, seen_at = ? where team_id = ?";
		if (this.jdbc.update(update, enterpriseId, now, teamId) > 0) {
			return;
		}
		try {
			this.jdbc.update("insert into slack_org_team (team_id, enterprise_id, seen_at) values (?, ?, ?)", teamId,
					enterpriseId, now);
		}
		catch (DuplicateKeyException ex) {
			// another instance stored it at the same moment
			this.jdbc.update(update, enterpriseId, now, teamId);
		}
	}

	/**
	 * A workspace-level install of a team: it is its own workspace from now on, on every
	 * instance.
	 * @param teamId the team id
	 */
	void installedOnItsOwn(String teamId) {
		if (teamId == null) {
			return;
		}
		if (this.jdbc.update("delete from slack_org_team where team_id = ?", teamId) > 0) {
			this.epochs.bump(CacheEpochs.ORG_TEAMS);
		}
		remember(teamId, Optional.empty());
	}

	private void remember(String teamId, Optional<String> org) {
		if (this.orgOfTeam.size() >= MAX_TEAMS) {
			this.orgOfTeam.clear();
		}
		this.orgOfTeam.put(teamId, org);
	}

}
