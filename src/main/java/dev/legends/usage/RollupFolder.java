package dev.legends.usage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 * Adds pending batches to the hourly and period rollups: in the background, several
 * batches per transaction while ingest is busy (batches of one burst share their period
 * rows, so each row is updated once per fold instead of once per batch) and soon after it
 * goes quiet; and before any read of totals, so that a read always sees every committed
 * batch.
 */
@Component
class RollupFolder implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(RollupFolder.class);

	/** Pending batches folded per transaction. */
	private static final int PER_TRANSACTION = 16;

	/** Pending batches after which an ingest folds before it returns. */
	private static final int BACKLOG = 2 * PER_TRANSACTION;

	/**
	 * How long ingest must be quiet before the background folds fewer batches than a full
	 * transaction.
	 */
	private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	/** How long the background waits after a failed fold before it tries again. */
	private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(10);

	/** The longest a batch waits in the background however busy ingest is. */
	private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

	private final PendingRollups pending;

	private final UsageStore store;

	private final PeriodRollups periods;

	private final RollupQuarantine quarantine;

	private final TransactionTemplate transactions;

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "legends-rollups");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean queued = new AtomicBoolean();

	/** Batches committed here and not folded yet (as far as this instance knows). */
	private final AtomicInteger backlog = new AtomicInteger();

	/** Ingests running here now. */
	private final AtomicInteger ingesting = new AtomicInteger();

	/** When the last ingest here ended. */
	private volatile long lastIngest;

	/** When the oldest batch the background has not folded yet committed. */
	private volatile long waitingSince;

	private final Object lock = new Object();

	RollupFolder(PendingRollups pending, UsageStore store, PeriodRollups periods, RollupQuarantine quarantine,
			PlatformTransactionManager transactionManager) {
		this.pending = pending;
		this.store = store;
		this.periods = periods;
		this.quarantine = quarantine;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Fold every committed pending batch now (a no-op when there is none), a bounded
	 * number of batches per transaction so that a backlog never becomes one huge
	 * transaction.
	 */
	void fold() {
		if (!this.pending.any()) {
			this.backlog.set(0);
			return;
		}
		synchronized (this.lock) {
			while (foldSome() == PER_TRANSACTION) {
				// a full transaction: there may be more
			}
		}
	}

	/**
	 * An ingest is about to write: the background holds back folds of less than a full
	 * transaction until it has ended (its batch is likely to share period rows with the
	 * ones waiting).
	 */
	void ingestStarted() {
		this.ingesting.incrementAndGet();
	}

	/**
	 * After an ingest commits: count its batch, and fold now when the background is
	 * behind (a backlog of batches), so that an ingest faster than its rollups slows down
	 * instead of piling up work; otherwise {@link #ingestEnded} leaves it to the
	 * background.
	 */
	void afterIngest() {
		if (this.backlog.getAndIncrement() == 0) {
			this.waitingSince = System.nanoTime();
		}
		if (this.backlog.get() > BACKLOG) {
			fold();
		}
	}

	/** An ingest ended, committed or not. */
	void ingestEnded() {
		this.lastIngest = System.nanoTime();
		this.ingesting.decrementAndGet();
		if (this.backlog.get() > 0) {
			foldSoon();
		}
	}

	/**
	 * Look at the backlog in the background, soon; calls while one is queued share it.
	 */
	private void foldSoon() {
		foldIn(QUIET_NANOS);
	}

	private void foldIn(long nanos) {
		if (this.queued.compareAndSet(false, true)) {
			this.executor.schedule(this::background, nanos, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * Fold whole transactions while there are enough batches for one, the rest once
	 * ingest is quiet (or has kept them waiting too long); look again soon while any are
	 * left.
	 */
	private void background() {
		this.queued.set(false);
		try {
			boolean more = true;
			while (more && this.backlog.get() >= PER_TRANSACTION) {
				synchronized (this.lock) {
					more = foldSome() > 0;
				}
			}
			long now = System.nanoTime();
			boolean quiet = this.ingesting.get() == 0 && now - this.lastIngest >= QUIET_NANOS;
			if (this.backlog.get() > 0 && (quiet || now - this.waitingSince >= MAX_WAIT_NANOS)) {
				fold();
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Adding ingested usage to the rollups failed; it stays pending and is retried", ex);
			foldIn(RETRY_NANOS);
			return;
		}
		if (this.backlog.get() > 0) {
			foldSoon();
		}
	}

	/**
	 * Fold the oldest pending batches, at most a transaction's worth, in one transaction.
	 * @return how many were folded (none: another instance folded them, and this one's
	 * backlog is cleared)
	 */
	private int foldSome() {
		Integer folded;
		try {
			folded = this.transactions.execute((status) -> foldOldest());
		}
		catch (RuntimeException ex) {
			if (!RollupQuarantine.isPoison(ex)) {
				throw ex;
			}
			folded = foldOneByOne();
		}
		if (folded == null || folded == 0) {
			this.backlog.set(0);
			return 0;
		}
		return folded;
	}

	private int foldOldest() {
		return foldBatches(this.pending.lockOldest(PER_TRANSACTION));
	}

	/**
	 * After a fold of several batches failed on their data: the same oldest batches, each
	 * in a transaction of its own, so that only a batch that fails alone is quarantined
	 * and the others are folded.
	 * @return how many were folded or quarantined
	 */
	private int foldOneByOne() {
		int handled = 0;
		for (long id : this.pending.oldestIds(PER_TRANSACTION)) {
			try {
				this.transactions.execute((status) -> foldBatches(this.pending.lock(id)));
			}
			catch (RuntimeException ex) {
				if (!RollupQuarantine.isPoison(ex)) {
					throw ex;
				}
				if (this.quarantine.quarantine(id, ex)) {
					this.backlog.updateAndGet((left) -> Math.max(0, left - 1));
				}
			}
			handled++;
		}
		return handled;
	}

	private int foldBatches(List<Batch> batches) {
		Map<Long, Map<RollupKey, TokenCounts>> byWorkspace = new TreeMap<>();
		List<Long> ids = new ArrayList<>();
		for (Batch batch : batches) {
			RollupQuarantine.checkPlausible(batch);
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
		if (this.backlog.updateAndGet((left) -> Math.max(0, left - ids.size())) > 0) {
			this.waitingSince = System.nanoTime();
		}
		return batches.size();
	}

	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdown();
		this.executor.awaitTermination(10, TimeUnit.SECONDS);
	}

}
