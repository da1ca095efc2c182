package dev.legends.workspace;

import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a unit of work in a transaction and runs it again, a few times at most, when the
 * database refuses it for a reason that passes: a deadlock, a serialization failure or a
 * lock wait that timed out, or a unique key another transaction took first (the next
 * attempt reads what that one stored). So ordinary concurrent load never reaches a client
 * as an error. Inside a transaction that is already running it only joins it: the
 * outermost caller retries the whole unit.
 */
@Component
public class RetryingTransactions {

	/** Attempts per unit of work, the first included. */
	public static final int ATTEMPTS = 3;

	private static final Logger logger = LoggerFactory.getLogger(RetryingTransactions.class);

	private final TransactionTemplate transactions;

	RetryingTransactions(PlatformTransactionManager transactionManager) {
		this.transactions = new CauseKeepingTransactions(transactionManager);
	}

	/**
	 * Run work in a transaction, retried when it fails transiently.
	 * @param work the work
	 * @param <T> its result
	 * @return its result
	 */
	public <T> T execute(TransactionCallback<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return this.transactions.execute(work);
		}
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute(work);
			}
			catch (TransientDataAccessException | DuplicateKeyException ex) {
				if (attempt == ATTEMPTS) {
					logger.warn("Gave up after {} attempts: {}", ATTEMPTS, ex.getMostSpecificCause().getMessage());
					throw ex;
				}
				logger.debug("Attempt {} failed transiently, trying again: {}", attempt,
						ex.getMostSpecificCause().getMessage());
				pause(attempt, ex);
			}
		}
	}

	/**
	 * A short random pause, longer after each attempt, so that transactions that met once
	 * do not meet again in step (none after a duplicate key: the winner has committed).
	 */
	private static void pause(int attempt, RuntimeException ex) {
		if (ex instanceof DuplicateKeyException) {
			return;
		}
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25) * attempt);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw ex;
		}
	}

}
