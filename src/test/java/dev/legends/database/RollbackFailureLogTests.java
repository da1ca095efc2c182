package dev.legends.database;

import java.io.IOException;

import dev.legends.testkit.LegendsAppTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

/**
 * When a full disk fails a transaction and then its rollback, the app's log (as
 * configured) names the cause in one line: no stack trace from Spring for the first
 * failure (as the rollup folder met in the disk-full test).
 */
@LegendsAppTest
@ExtendWith(OutputCaptureExtension.class)
class RollbackFailureLogTests {

	private static final Logger logger = LoggerFactory.getLogger(RollbackFailureLogTests.class);

	@Test
	void transactionWhenItsRollbackFailsTooIsLoggedInOneLine(CapturedOutput output) {
		TransactionTemplate transactions = new TransactionTemplate(new DiskFullTransactions());

		RuntimeException thrown = catchRuntimeException(() -> transactions.execute((status) -> {
			throw new DataAccessResourceFailureException("Writing the rollups failed",
					new IOException("No space left on device"));
		}));
		DatabaseFailures.warn(logger, "Adding ingested usage to the rollups failed; it stays pending", thrown);

		assertThat(output.getOut()).contains("it stays pending (IOException: No space left on device)")
			.doesNotContain("\tat ");
	}

	/** Transactions whose rollback fails as H2's does once the disk is full. */
	private static final class DiskFullTransactions extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
			throw new TransactionSystemException("Could not roll back", new IOException("No space left on device"));
		}

	}

}
