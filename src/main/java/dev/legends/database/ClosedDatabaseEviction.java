package dev.legends.database;

import java.sql.SQLException;
import java.util.Set;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the connection pool to drop a connection whose H2 database was closed under it
 * (H2 closes a file database when a write fails, e.g. on a full disk): the pool then
 * opens fresh connections, which open the database again, so Legends recovers without a
 * restart once the disk has room. Set as Hikari's {@code exception-override-class-name}.
 */
public class ClosedDatabaseEviction implements SQLExceptionOverride {

	/**
	 * H2's error codes for a closed database or session, and for a failed write (file
	 * I/O, a general error from the store).
	 */
	private static final Set<Integer> CLOSED = Set.of(90098, 90121, 90007, 90028, 90031, 90067, 50000);

	@java.lang.Override
	public SQLExceptionOverride.Override adjudicate(SQLException ex) {
		return (CLOSED.contains(ex.getErrorCode()) && "H2".equals(vendor(ex)))
				? SQLExceptionOverride.Override.MUST_EVICT : SQLExceptionOverride.Override.CONTINUE_EVICT;
	}

	private static String vendor(SQLException ex) {
		return ex.getClass().getName().startsWith("org.h2.") ? "H2" : "other";
	}

}
