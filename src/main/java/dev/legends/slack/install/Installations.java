package dev.legends.slack.install;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.slack.api.bolt.model.Installer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The installations table: every token goes in encrypted and comes out decrypted.
 */
class Installations {

	private static final String COLUMNS = "id, install_key, enterprise_id, team_id, is_enterprise_install, bot_id, "
			+ "bot_user_id, bot_scopes, bot_token, bot_refresh_token, bot_token_expires_at, token_version, "
			+ "installer_user_id, installed_at, uninstalled_at";

	private final JdbcTemplate jdbc;

	private final TokenCipher cipher;

	private final Clock clock;

	Installations(JdbcTemplate jdbc, TokenCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
	}

	/**
	 * Store a new installation, or the new tokens of a reinstall (which undoes an
	 * uninstall).
	 * @param installer what Bolt learnt from {@code oauth.v2.access}
	 * @return the installation's key
	 */
	String save(Installer installer) {
		boolean org = Boolean.TRUE.equals(installer.getIsEnterpriseInstall());
		String key = Installation.keyOf(installer.getEnterpriseId(), installer.getTeamId(), org);
		Timestamp now = Timestamp.from(this.clock.instant());
		Timestamp expires = (installer.getBotTokenExpiresAt() != null)
				? Timestamp.from(Instant.ofEpochMilli(installer.getBotTokenExpiresAt())) : null;
		Object[] values = { installer.getEnterpriseId(), org ? null : installer.getTeamId(), org, installer.getAppId(),
				Installation.teamName(installer), Installation.enterpriseName(installer), installer.getBotId(),
				installer.getBotUserId(), installer.getBotScope(), this.cipher.encrypt(installer.getBotAccessToken()),
				this.cipher.encrypt(installer.getBotRefreshToken()), expires, installer.getInstallerUserId(), now };
		if (update(key, values) == 0) {
			try {
				this.jdbc.update("insert into slack_installation (enterprise_id, team_id, is_enterprise_install, "
						+ "app_id, team_name, enterprise_name, bot_id, bot_user_id, bot_scopes, bot_token, "
						+ "bot_refresh_token, bot_token_expires_at, installer_user_id, updated_at, install_key, "
						+ "installed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
						append(values, key, now));
			}
			catch (DuplicateKeyException ex) {
				update(key, values);
			}
		}
		return key;
	}

	private int update(String key, Object[] values) {
		return this.jdbc.update("update slack_installation set enterprise_id = ?, team_id = ?, "
				+ "is_enterprise_install = ?, app_id = ?, team_name = ?, enterprise_name = ?, bot_id = ?, "
				+ "bot_user_id = ?, bot_scopes = ?, bot_token = ?, bot_refresh_token = ?, bot_token_expires_at = ?, "
				+ "installer_user_id = ?, updated_at = ?, token_version = token_version + 1, uninstalled_at = null "
				+ "where install_key = ?", append(values, key));
	}

	private static Object[] append(Object[] values, Object... more) {
		Object[] all = new Object[values.length + more.length];
		System.arraycopy(values, 0, all, 0, values.length);
		System.arraycopy(more, 0, all, values.length, more.length);
		return all;
	}

	/**
	 * The installation that serves a request from this team (a workspace's own install
	 * first, else its org's org-wide install), installed or not.
	 * @param enterpriseId the request's enterprise id, if any
	 * @param teamId the request's team id, if any
	 * @return the installation
	 */
	Optional<Installation> find(String enterpriseId, String teamId) {
		Optional<Installation> own = (teamId != null) ? byKey(teamId).filter((i) -> !i.enterpriseInstall())
				: Optional.empty();
		if (own.isPresent() || enterpriseId == null) {
			return own;
		}
		return byKey(enterpriseId).filter(Installation::enterpriseInstall);
	}

	Optional<Installation> byKey(String installKey) {
		return one("select " + COLUMNS + " from slack_installation where install_key = ?", installKey);
	}

	Optional<Installation> lockById(long id) {
		return one("select " + COLUMNS + " from slack_installation where id = ? for update", id);
	}

	/**
	 * Store refreshed tokens, if nobody refreshed since {@code version}.
	 * @return whether they were stored
	 */
	boolean refreshed(long id, long version, String token, String refreshToken, Instant expiresAt) {
		return this.jdbc.update(
				"update slack_installation set bot_token = ?, bot_refresh_token = ?, bot_token_expires_at = ?, "
						+ "token_version = token_version + 1, updated_at = ? where id = ? and token_version = ? "
						+ "and bot_token is not null",
				this.cipher.encrypt(token), this.cipher.encrypt(refreshToken),
				(expiresAt != null) ? Timestamp.from(expiresAt) : null, Timestamp.from(this.clock.instant()), id,
				version) == 1;
	}

	/**
	 * Forget an installation's tokens at once and mark it uninstalled (its data stays).
	 * @param installKey the installation's key
	 * @return whether it held tokens until now
	 */
	boolean uninstall(String installKey) {
		return this.jdbc.update(
				"update slack_installation set bot_token = null, bot_refresh_token = null, "
						+ "bot_token_expires_at = null, uninstalled_at = ?, updated_at = ? where install_key = ? "
						+ "and uninstalled_at is null",
				Timestamp.from(this.clock.instant()), Timestamp.from(this.clock.instant()), installKey) == 1;
	}

	/**
	 * Installations uninstalled before a moment.
	 * @param before the moment
	 * @return their keys
	 */
	List<String> uninstalledBefore(Instant before) {
		return this.jdbc.queryForList(
				"select install_key from slack_installation where uninstalled_at is not null and uninstalled_at < ?",
				String.class, Timestamp.from(before));
	}

	void delete(String installKey) {
		this.jdbc.update("delete from slack_installation where install_key = ? and uninstalled_at is not null",
				installKey);
	}

	private Optional<Installation> one(String sql, Object arg) {
		return this.jdbc.query(sql, this::row, arg).stream().findFirst();
	}

	private Installation row(ResultSet rs, int rowNum) throws SQLException {
		return new Installation(rs.getLong("id"), rs.getString("install_key"), rs.getString("enterprise_id"),
				rs.getString("team_id"), rs.getBoolean("is_enterprise_install"), rs.getString("bot_id"),
				rs.getString("bot_user_id"), rs.getString("bot_scopes"), this.cipher.decrypt(rs.getString("bot_token")),
				this.cipher.decrypt(rs.getString("bot_refresh_token")), instant(rs, "bot_token_expires_at"),
				rs.getLong("token_version"), rs.getString("installer_user_id"), instant(rs, "installed_at"),
				instant(rs, "uninstalled_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
