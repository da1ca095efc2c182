package dev.legends.database;

import java.sql.SQLException;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.SQLExceptionOverride;

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

	private final HikariDataSource dataSource;

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
		return SQLExceptionOverride.Override.MUST_EVICT;
	}

}
