package dev.legends.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code db} health component (in place of Spring Boot's, which only reads): UP only
 * when the database commits a write, so health and readiness say DOWN while it is
 * unreachable, full or read-only, and UP again as soon as it writes.
 */
@Component("dbHealthIndicator")
class DatabaseWriteHealth implements HealthIndicator, DisposableBean {

	static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final DataSource dataSource;

	private final ExecutorService checker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "legends-db-health");
		thread.setDaemon(true);
		return thread;
	});

	private Future<String> running;

	DatabaseWriteHealth(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public synchronized Health health() {
		if (this.running == null || this.running.isDone()) {
			this.running = this.checker.submit(this::write);
		}
		try {
			return Health.up()
				.withDetail("database", this.running.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
				.build();
		}
		catch (ExecutionException ex) {
			return Health.down()
				.withDetail("error", "The database cannot write: " + ex.getCause().getMessage())
				.build();
		}
		catch (TimeoutException ex) {
			return Health.down()
				.withDetail("error", "The database did not answer a write within " + TIMEOUT.toSeconds() + " s")
				.build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.unknown().build();
		}
	}

	private String write() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement update = connection
				.prepareStatement("update health_probe set checked_at = ? where id = 1")) {
				update.setTimestamp(1, Timestamp.from(Clock.systemUTC().instant()));
				update.executeUpdate();
				connection.commit();
			}
			catch (SQLException ex) {
				connection.rollback();
				throw ex;
			}
			return connection.getMetaData().getDatabaseProductName();
		}
	}

	@Override
	public void destroy() {
		this.checker.shutdownNow();
	}

}
