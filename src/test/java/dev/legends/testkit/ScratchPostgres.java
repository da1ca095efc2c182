package dev.legends.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL database of a test's own on the server named by
 * {@code LEGENDS_TEST_POSTGRES_URL} (which {@code .ci/run} sets): that database's name
 * plus a suffix, e.g. {@code legends_ci_multi}, created empty and dropped when closed.
 * Without the variable the test is skipped, saying why.
 */
public final class ScratchPostgres implements AutoCloseable {

	private static final Pattern DATABASE = Pattern.compile("/([^/?]+)(\\?|$)");

	private final String serverUrl;

	private final String user;

	private final String database;

	private final String url;

	private ScratchPostgres(String serverUrl, String user, String suffix) {
		this.serverUrl = serverUrl;
		this.user = user;
		Matcher name = DATABASE.matcher(serverUrl);
		this.database = (name.find() ? name.group(1) : "legends") + "_" + suffix;
		this.url = serverUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + this.database + "$1");
	}

	/**
	 * Create (again, empty) the database of this suffix, or skip the test.
	 * @param suffix what to add to the configured database's name
	 * @return the database
	 */
	public static ScratchPostgres createOrSkip(String suffix) {
		String serverUrl = System.getenv("LEGENDS_TEST_POSTGRES_URL");
		if (serverUrl == null || !serverUrl.startsWith("jdbc:postgresql:")) {
			System.out.println("Skipped: LEGENDS_TEST_POSTGRES_URL is not set (.ci/run sets it)");
		}
		Assumptions.assumeTrue(serverUrl != null && serverUrl.startsWith("jdbc:postgresql:"),
				"LEGENDS_TEST_POSTGRES_URL is not set: this test needs PostgreSQL");
		ScratchPostgres scratch = new ScratchPostgres(serverUrl,
				System.getenv().getOrDefault("LEGENDS_TEST_POSTGRES_USER", "postgres"), suffix);
		scratch.execute("drop database if exists " + scratch.database + " with (force)",
				"create database " + scratch.database);
		return scratch;
	}

	public String url() {
		return this.url;
	}

	public String user() {
		return this.user;
	}

	/**
	 * The settings that point an app at this database.
	 * @return {@code LEGENDS_DB_URL} and {@code LEGENDS_DB_USER}
	 */
	public Map<String, String> environment() {
		return Map.of("LEGENDS_DB_URL", this.url, "LEGENDS_DB_USER", this.user);
	}

	@Override
	public void close() {
		execute("drop database if exists " + this.database + " with (force)");
	}

	private void execute(String... statements) {
		try (Connection connection = DriverManager.getConnection(this.serverUrl, this.user, "");
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
