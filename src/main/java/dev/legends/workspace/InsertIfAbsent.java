package dev.legends.workspace;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Inserts a row unless a row with the same unique key exists, as the first half of every
 * create-or-get: requests that create the same workspace, person or identity at once all
 * succeed, one of them inserts, the others then read its row. A concurrent insert of the
 * same key that is not committed yet is waited for (by the database's unique index), so
 * the read after this always finds the row.
 *
 * <p>
 * On PostgreSQL {@code INSERT … ON CONFLICT DO NOTHING}; elsewhere (H2) the insert runs
 * behind a savepoint and a refused duplicate is rolled back to it, leaving the
 * surrounding transaction intact.
 */
@Component
public class InsertIfAbsent {

	private final JdbcTemplate jdbc;

	private volatile Boolean postgres;

	InsertIfAbsent(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Insert a row unless its unique key is taken.
	 * @param insert an {@code INSERT} statement of one row, without a conflict clause
	 * @param args its parameters
	 * @return {@code true} when this call inserted the row
	 */
	public boolean insert(String insert, Object... args) {
		if (isPostgres()) {
			return this.jdbc.update(insert + " on conflict do nothing", args) > 0;
		}
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			return insertOrRefuse(insert, args);
		}
		return behindSavepoint(() -> insertOrRefuse(insert, args));
	}

	/**
	 * Insert rows unless their unique keys are taken, in one batch when none is (the
	 * common case); otherwise the batch is undone and each row is inserted on its own.
	 * @param insert an {@code INSERT} statement of one row, without a conflict clause
	 * @param rows the parameters of each row
	 */
	public void insertAll(String insert, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		if (isPostgres()) {
			this.jdbc.batchUpdate(insert + " on conflict do nothing", rows);
			return;
		}
		if (!TransactionSynchronizationManager.isActualTransactionActive() || !batchBehindSavepoint(insert, rows)) {
			rows.forEach((args) -> insert(insert, args));
		}
	}

	/** Whether the whole batch was inserted; if not, nothing of it stays. */
	private boolean batchBehindSavepoint(String insert, List<Object[]> rows) {
		return behindSavepoint(() -> {
			try {
				this.jdbc.batchUpdate(insert, rows);
				return true;
			}
			catch (DataIntegrityViolationException ex) {
				// a duplicate (or a bad row, which the one-by-one inserts then report)
				return false;
			}
		});
	}

	/**
	 * Run an attempt behind a savepoint of the current transaction: when it answers
	 * {@code false}, what it did is rolled back to the savepoint and the rest of the
	 * transaction stays.
	 * @param attempt the attempt
	 * @return what the attempt answered
	 */
	public boolean behindSavepoint(BooleanSupplier attempt) {
		DataSource dataSource = this.jdbc.getDataSource();
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			Savepoint savepoint = connection.setSavepoint();
			boolean kept = attempt.getAsBoolean();
			if (kept) {
				connection.releaseSavepoint(savepoint);
			}
			else {
				connection.rollback(savepoint);
			}
			return kept;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Savepoint failed", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private boolean insertOrRefuse(String insert, Object... args) {
		try {
			return this.jdbc.update(insert, args) > 0;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private boolean isPostgres() {
		Boolean known = this.postgres;
		if (known == null) {
			known = this.jdbc.execute((ConnectionCallback<Boolean>) (connection) -> connection.getMetaData()
				.getDatabaseProductName()
				.toLowerCase(java.util.Locale.ROOT)
				.contains("postgres"));
			this.postgres = known;
		}
		return known;
	}

}
