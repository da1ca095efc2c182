package dev.legends.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Before anything starts, connects once to a PostgreSQL database: when it cannot be
 * reached, refuses the login or does not exist, the start stops with the cause and the
 * fix in one line ({@link DatabaseStartupFailureAnalyzer}) instead of the pool's stack
 * traces from deep inside the web server's start. The password is never printed, nor
 * anything after {@code ?} in the URL (where a password may be given).
 */
class DatabaseServerCheck implements ApplicationListener<ApplicationPreparedEvent> {

	/** How long to wait for the server to answer, in seconds. */
	private static final int TIMEOUT_SECONDS = 10;

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		Environment environment = event.getApplicationContext().getEnvironment();
		String url = environment.getProperty("spring.datasource.url");
		if (url == null || !url.startsWith("jdbc:postgresql:")) {
			return;
		}
		String user = environment.getProperty("spring.datasource.username", "");
		Properties properties = new Properties();
		properties.setProperty("user", user);
		properties.setProperty("password", environment.getProperty("spring.datasource.password", ""));
		properties.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
		properties.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
		try (Connection connection = DriverManager.getConnection(url, properties)) {
			connection.isValid(TIMEOUT_SECONDS);
		}
		catch (SQLException ex) {
			throw refusal(withoutParameters(url), user, ex);
		}
	}

	private static DatabaseStartupException refusal(String url, String user, SQLException ex) {
		String state = (ex.getSQLState() != null) ? ex.getSQLState() : "";
		String reason = " (" + firstLine(ex.getMessage()) + ")";
		if (state.startsWith("28")) {
			return new DatabaseStartupException("the database " + url + " refused the login of " + user + reason,
					"set LEGENDS_DB_USER and LEGENDS_DB_PASSWORD to a role PostgreSQL accepts and start again.", ex);
		}
		if (state.equals("3D000")) {
			return new DatabaseStartupException("the database " + url + " does not exist" + reason,
					"create it (createdb, owned by " + user + ") or correct LEGENDS_DB_URL, and start again.", ex);
		}
		return new DatabaseStartupException("cannot reach the database " + url + reason,
				"start PostgreSQL, or correct the host and port in LEGENDS_DB_URL (and any firewall between them),"
						+ " and start again.",
				ex);
	}

	private static String withoutParameters(String url) {
		int query = url.indexOf('?');
		return (query >= 0) ? url.substring(0, query) : url;
	}

	private static String firstLine(String message) {
		return String.valueOf(message).lines().findFirst().orElse("").strip();
	}

}
