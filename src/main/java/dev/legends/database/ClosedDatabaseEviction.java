package dev.legends.database;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.SQLExceptionOverride;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the pool's connections when their H2 file database was closed under them (H2
 * closes it when a write fails, e.g. on a full disk): the connection that saw the error
 * is dropped and every other one is dropped when next idle, so the next connections open
 * the database again and Legends recovers without a restart once the disk has room.
 */
class ClosedDatabaseEviction implements SQLExceptionOverride {

	/**
	 * H2's error codes for a closed database, session or connection, and for a failed
	 * write (file I/O, or the general error a failed store reports).
	 */
	private static final Set<Integer> CLOSED = Set.of(90098, 90121, 90007, 90028, 90031, 90067, 50000);

	/** At most one line per this interval while the database keeps failing. */
	private static final Duration LOG_EVERY = Duration.ofSeconds(30);

	private static final Logger logger = LoggerFactory.getLogger(ClosedDatabaseEviction.class);

	private final HikariDataSource dataSource;

	private final AtomicLong lastLogged = new AtomicLong();

	ClosedDatabaseEviction(HikariDataSource dataSource) {
		this.dataSource = dataSource;
	}

	@java.lang.Override
	public SQLExceptionOverride.Override adjudicate(SQLException ex) {
		if (!CLOSED.contains(ex.getErrorCode()) || !ex.getClass().getName().startsWith("org.h2.")) {
			return SQLExceptionOverride.Override.CONTINUE_EVICT;
		}
		HikariPoolMXBean pool = this.dataSource.getHikariPoolMXBean();
		if (pool != null) {
			pool.softEvictConnections();
		}
		long now = System.nanoTime();
		long last = this.lastLogged.get();
		if ((last == 0 || now - last > LOG_EVERY.toNanos()) && this.lastLogged.compareAndSet(last, now)) {
			logger.warn("The database stopped writing ({}); renewing its connections, so it works again once the "
					+ "cause (e.g. a full disk) is gone", rootMessage(ex));
		}
		return SQLExceptionOverride.Override.MUST_EVICT;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": "
				+ String.valueOf(root.getMessage()).lines().findFirst().orElse("");
	}

}
