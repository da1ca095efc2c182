package dev.legends.slack.install;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import dev.legends.digest.DigestSchedules;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes the data of installations uninstalled more than
 * {@code LEGENDS_RETENTION_DAYS_AFTER_UNINSTALL} days ago: every row of every table that
 * has a {@code workspace_id} (and the rows that reference them), then the workspace and
 * the installation; the Quartz triggers of its digests go first. Each statement commits
 * on its own and a run that is cut short is finished by the next one. Runs daily as a
 * Quartz job (once per cluster).
 */
class UninstalledDataPurge {

	private static final Logger logger = LoggerFactory.getLogger(UninstalledDataPurge.class);

	private static final int PASSES = 6;

	private final Installations installations;

	private final JdbcTemplate jdbc;

	private final Duration retention;

	private final Clock clock;

	private final ObjectProvider<DigestSchedules> digests;

	UninstalledDataPurge(Installations installations, JdbcTemplate jdbc, int retentionDays, Clock clock,
			ObjectProvider<DigestSchedules> digests) {
		this.digests = digests;
		this.installations = installations;
		this.jdbc = jdbc;
		this.retention = Duration.ofDays(retentionDays);
		this.clock = clock;
	}

	/**
	 * Purge every installation whose retention time is over.
	 * @return how many were purged
	 */
	int purgeExpired() {
		int purged = 0;
		for (String key : this.installations.uninstalledBefore(this.clock.instant().minus(this.retention))) {
			if (purge(key)) {
				purged++;
			}
		}
		return purged;
	}

	private boolean purge(String installKey) {
		List<Long> ids = this.jdbc.queryForList("select id from workspace where slack_team_id = ?", Long.class,
				installKey);
		for (Long workspaceId : ids) {
			this.digests.ifAvailable((digests) -> digests.unscheduleAll(workspaceId));
			List<String> left = deleteRows(workspaceId);
			if (!left.isEmpty()) {
				logger.warn("Purging the data of {} is not finished ({} left); the next run goes on", installKey, left);
				return false;
			}
		}
		this.jdbc.update("delete from slack_org_team where enterprise_id = ?", installKey);
		this.installations.delete(installKey);
		logger.info("Purged the data of {}, uninstalled more than {} days ago", installKey, this.retention.toDays());
		return true;
	}

	private List<String> deleteRows(long workspaceId) {
		List<String> statements = statements();
		for (int pass = 0; pass < PASSES && !statements.isEmpty(); pass++) {
			List<String> failed = new ArrayList<>();
			for (String sql : statements) {
				try {
					this.jdbc.update(sql, workspaceId);
				}
				catch (DataAccessException ex) {
					failed.add(sql);
				}
			}
			statements = failed;
		}
		return statements;
	}

	/**
	 * Deletes of a workspace's rows: for each table with a {@code workspace_id}, first
	 * the rows of other tables that reference its rows, then its own; the workspace last.
	 */
	private List<String> statements() {
		Set<String> statements = new LinkedHashSet<>();
		this.jdbc.execute((Connection connection) -> {
			DatabaseMetaData meta = connection.getMetaData();
			String schema = connection.getSchema();
			for (String table : tablesWithWorkspaceId(meta, schema)) {
				try (ResultSet refs = meta.getExportedKeys(null, schema, table)) {
					while (refs.next()) {
						statements.add("delete from " + refs.getString("FKTABLE_NAME") + " where "
								+ refs.getString("FKCOLUMN_NAME") + " in (select " + refs.getString("PKCOLUMN_NAME")
								+ " from " + table + " where workspace_id = ?)");
					}
				}
				statements.add("delete from " + table + " where workspace_id = ?");
			}
			return null;
		});
		statements.add("delete from workspace where id = ?");
		return new ArrayList<>(statements);
	}

	private static List<String> tablesWithWorkspaceId(DatabaseMetaData meta, String schema) throws SQLException {
		List<String> tables = new ArrayList<>();
		for (String column : List.of("workspace_id", "WORKSPACE_ID")) {
			try (ResultSet columns = meta.getColumns(null, schema, "%", column)) {
				while (columns.next()) {
					String table = columns.getString("TABLE_NAME");
					if (!table.toLowerCase(Locale.ROOT).equals("workspace") && !tables.contains(table)) {
						tables.add(table);
					}
				}
			}
		}
		return tables;
	}

	/** The daily purge, on Quartz's job store. */
	@DisallowConcurrentExecution
	static class PurgeJob implements Job {

		private final UninstalledDataPurge purge;

		PurgeJob(UninstalledDataPurge purge) {
			this.purge = purge;
		}

		@Override
		public void execute(JobExecutionContext context) {
			this.purge.purgeExpired();
		}

	}

}
