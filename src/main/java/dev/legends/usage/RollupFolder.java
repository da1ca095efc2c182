package dev.legends.usage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.legends.usage.PendingRollups.Batch;
import dev.legends.usage.UsageStore.RollupKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds pending batches to the hourly and period rollups: soon after each ingest commits
 * (on one background thread, several batches at once when they arrive faster than that),
 * and before any read of totals, so that a read always sees every committed batch.
 */
@Component
class RollupFolder implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(RollupFolder.class);

	/** Pending batches folded per transaction. */
	private static final int PER_TRANSACTION = 8;

	/** Pending batches after which an ingest folds before it returns. */
	private static final int BACKLOG = 16;

	private final PendingRollups pending;

	private final UsageStore store;

	private final PeriodRollups periods;

	private final TransactionTemplate transactions;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "legends-rollups");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean queued = new AtomicBoolean();

	/** Batches committed here and not folded yet (as far as this instance knows). */
	private final AtomicInteger backlog = new AtomicInteger();

	private final Object lock = new Object();

	RollupFolder(PendingRollups pending, UsageStore store, PeriodRollups periods,
			PlatformTransactionManager transactionManager) {
		this.pending = pending;
		this.store = store;
		this.periods = periods;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Fold in the background, soon; calls while a fold is queued share it.
	 */
	void foldSoon() {
		if (this.queued.compareAndSet(false, true)) {
			this.executor.execute(() -> {
				this.queued.set(false);
				try {
					fold();
				}
				catch (RuntimeException ex) {
					logger.warn("Adding ingested usage to the rollups failed; it stays pending and is retried", ex);
				}
			});
		}
	}

	/**
	 * Fold every committed pending batch now (a no-op when there is none), a bounded
	 * number of batches per transaction so that a backlog never becomes one huge
	 * transaction.
	 */
	void fold() {
		if (!this.pending.any()) {
			return;
		}
		synchronized (this.lock) {
			boolean more = true;
			while (more) {
				more = Boolean.TRUE.equals(this.transactions.execute((status) -> foldSome()));
			}
		}
	}

	/**
	 * After an ingest commits: fold in the background, unless the background is behind (a
	 * backlog of batches), in which case the caller folds first, so that an ingest faster
	 * than its rollups slows down instead of piling up work.
	 */
	void afterIngest() {
		if (this.backlog.incrementAndGet() > BACKLOG) {
			fold();
		}
		else {
			foldSoon();
		}
	}

	private boolean foldSome() {
		List<Batch> batches = this.pending.lockOldest(PER_TRANSACTION);
		Map<Long, Map<RollupKey, TokenCounts>> byWorkspace = new HashMap<>();
		List<Long> ids = new ArrayList<>();
		for (Batch batch : batches) {
			Map<RollupKey, TokenCounts> sums = byWorkspace.computeIfAbsent(batch.workspaceId(),
					(id) -> new HashMap<>());
			batch.hourly().forEach((key, counts) -> sums.merge(key, counts, TokenCounts::plus));
			ids.add(batch.id());
		}
		byWorkspace.forEach((workspaceId, hourly) -> {
			this.store.addToRollups(workspaceId, hourly);
			this.periods.add(workspaceId, hourly);
		});
		this.pending.delete(ids);
		this.backlog.updateAndGet((left) -> Math.max(0, left - ids.size()));
		return batches.size() == PER_TRANSACTION;
	}

	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdown();
		this.executor.awaitTermination(10, TimeUnit.SECONDS);
	}

}
