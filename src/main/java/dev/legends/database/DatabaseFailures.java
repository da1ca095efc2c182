package dev.legends.database;

import java.sql.SQLException;

import org.slf4j.Logger;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Failures of the database itself (a full disk, a closed or unreachable database) told in
 * one line: the operator's fix is outside Legends, and a stack trace per request or per
 * retry would bury it.
 */
public final class DatabaseFailures {

	private DatabaseFailures() {
	}

	/**
	 * Log a failure as a warning: in one line with its cause when the database failed,
	 * with its stack trace otherwise.
	 * @param logger where to log
	 * @param message what failed and what happens next
	 * @param ex what was thrown
	 */
	public static void warn(Logger logger, String message, Throwable ex) {
		String databaseFailure = oneLine(ex);
		if (databaseFailure != null) {
			logger.warn("{} ({})", message, databaseFailure);
		}
		else {
			logger.warn(message, ex);
		}
	}

	/**
	 * The root cause in one line when the database refused or failed, {@code null} for
	 * any other failure (which deserves its stack trace).
	 * @param ex what was thrown
	 * @return the cause's class and the first line of its message, or {@code null}
	 */
	public static String oneLine(Throwable ex) {
		boolean database = false;
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			database |= cause instanceof DataAccessException || cause instanceof TransactionException
					|| cause instanceof SQLException;
		}
		if (!database) {
			return null;
		}
		Throwable root = rootOf(ex);
		String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
		return root.getClass().getSimpleName() + ": " + message;
	}

	/**
	 * The deepest cause, following a JDBC batch failure to the exception it chains as the
	 * next one (a failed batch insert has no cause of its own: what the disk said is
	 * behind {@link SQLException#getNextException()}).
	 */
	private static Throwable rootOf(Throwable ex) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		for (int depth = 0; depth < 16; depth++) {
			Throwable next = (root.getCause() != null) ? root.getCause()
					: (root instanceof SQLException sql) ? sql.getNextException() : null;
			if (next == null || next == root) {
				return root;
			}
			root = next;
		}
		return root;
	}

}
