package dev.legends.workspace;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link TransactionTemplate} that keeps the cause when the rollback fails too: the
 * failure of the work is what its caller sees (say "No space left on device"), with the
 * rollback's own failure attached as suppressed, and nothing is logged here. Spring's
 * template logs the work's failure with its stack trace and throws the rollback's
 * ("Connection is closed") instead, which on a full disk made every failed write print a
 * page of stack trace that named the wrong cause.
 */
public class CauseKeepingTransactions extends TransactionTemplate {

	/**
	 * A template on the given transaction manager.
	 * @param transactionManager the transaction manager
	 */
	public CauseKeepingTransactions(PlatformTransactionManager transactionManager) {
		super(transactionManager);
	}

	@Override
	public <T> T execute(TransactionCallback<T> action) {
		PlatformTransactionManager manager = getTransactionManager();
		TransactionStatus status = manager.getTransaction(this);
		T result;
		try {
			result = action.doInTransaction(status);
		}
		catch (RuntimeException | Error ex) {
			try {
				manager.rollback(status);
			}
			catch (RuntimeException | Error rollbackFailure) {
				ex.addSuppressed(rollbackFailure);
			}
			throw ex;
		}
		manager.commit(status);
		return result;
	}

}
