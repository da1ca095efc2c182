package dev.legends.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code db} health component (in place of Spring Boot's, which only reads): UP only
 * when the database commits a write, so health and readiness say DOWN while it is
 * unreachable, full or read-only (or an H2 data folder has less than 1 MB free: H2 may
 * still fit a small write into its file while batches fail), and UP again as soon as it
 * writes.
 */
@Component("dbHealthIndicator")
class DatabaseWriteHealth implements HealthIndicator, DisposableBean {

	static final Duration TIMEOUT = Duration.ofSeconds(5);

	/** Below this much free space in an H2 data folder, writes that need room fail. */
	static final long MIN_FREE_BYTES = 1024 * 1024;

	private final DataSource dataSource;

	private final Path dataFolder;

	private final ExecutorService checker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "legends-db-health");
		thread.setDaemon(true);
		return thread;
	});

	private Future<String> running;

	@Autowired
	DatabaseWriteHealth(DataSource dataSource, @Value("${spring.datasource.url:}") String url) {
		this.dataSource = dataSource;
		Path file = H2FileDatabase.databaseFile(url);
		this.dataFolder = (file != null) ? file.getParent() : null;
	}

	DatabaseWriteHealth(DataSource dataSource) {
		this(dataSource, "");
	}

	@Override
	public synchronized Health health() {
		long free = freeBytes();
		if (free < MIN_FREE_BYTES) {
			return Health.down()
				.withDetail("error", "The data folder " + this.dataFolder + " is full (" + free + " bytes free)")
				.build();
		}
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

	private long freeBytes() {
		try {
			return (this.dataFolder != null) ? Files.getFileStore(this.dataFolder).getUsableSpace() : Long.MAX_VALUE;
		}
		catch (IOException ex) {
			return Long.MAX_VALUE;
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
