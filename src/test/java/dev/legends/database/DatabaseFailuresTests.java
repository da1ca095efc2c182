package dev.legends.database;

import java.io.IOException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Background work that fails because the database cannot write (a full disk) logs the
 * cause in one line, so the operator sees it; anything else keeps its stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseFailuresTests {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseFailuresTests.class);

	@Test
	void warnWhenTheDatabaseCannotWriteLogsTheRootCauseInOneLine(CapturedOutput output) {
		SQLException sql = new SQLException("General error: \"Writing to file failed\"\nSQL statement: COMMIT", "HY000",
				50000, new IOException("No space left on device"));
		RuntimeException commitFailed = new JpaSystemException(new RuntimeException("Unable to commit", sql));

		DatabaseFailures.warn(logger, "Adding ingested usage to the rollups failed; it stays pending", commitFailed);

		assertThat(output.getOut()).contains(
				"Adding ingested usage to the rollups failed; it stays pending (IOException: No space left on device)")
			.doesNotContain("\tat ");
	}

	@Test
	void oneLineWhenABatchInsertFailedNamesWhatTheDiskSaid() {
		// a failed batch insert has no cause: H2 chains what went wrong as the next
		// exception, and that one's cause is what the disk said
		BatchUpdateException batch = new BatchUpdateException("General error: \"Writing to file failed\"", "HY000",
				50000, new int[0]);
		batch.setNextException(new SQLException("General error: \"Writing to file failed\"", "HY000", 50000,
				new IllegalStateException("Writing to file failed", new IOException("No space left on device"))));
		RuntimeException insertFailed = new DataIntegrityViolationException("PreparedStatementCallback", batch);

		assertThat(DatabaseFailures.oneLine(insertFailed)).isEqualTo("IOException: No space left on device");
	}

	@Test
	void warnWhenSomethingElseFailedKeepsTheStackTrace(CapturedOutput output) {
		DatabaseFailures.warn(logger, "Refreshing cached board figures failed", new IllegalStateException("a bug"));

		assertThat(output.getOut()).contains("Refreshing cached board figures failed",
				"java.lang.IllegalStateException: a bug", "\tat ");
	}

}
