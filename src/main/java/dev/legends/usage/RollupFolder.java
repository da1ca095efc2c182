package dev.legends.usage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.legends.database.DatabaseFailures;
import dev.legends.usage.PendingRollups.Batch;
import dev.legends.usage.UsageStore.RollupKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds pending batches to the hourly and period rollups, on one background thread of its
 * own, never on a request thread: the writer signals it after each commit, and it folds
 * whatever is pending {@value #COALESCE_MILLIS} ms later (or as soon as a transaction's
 * worth is), up to {@value #PER_TRANSACTION} batches per transaction (batches committed
 * while it was busy share their period rows, so each row is updated once per fold instead
 * of once per batch). Reads do not wait for it: they add the pending sums themselves, and
 * {@link #generation()} tells them whether a fold committed while they read.
 */
@Component
class RollupFolder implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RollupFolder.class);

	/** Pending batches folded per transaction. */
	static final int PER_TRANSACTION = 64;

	/**
	 * How long reads may hold folds back at most: as long as the slowest read of a busy
	 * machine takes (a read that needs longer than a fold lets it would be repeated
	 * forever; a whole workspace's four weeks under a saturating fleet took seconds).
	 */
	static final long HOLD_SECONDS = 30;

	/** How long the worker lets pending batches gather before it folds them. */
	static final long COALESCE_MILLIS = 100;

	/** How long the worker waits after a failed fold before it tries again. */
	private static final long RETRY_MILLIS = TimeUnit.SECONDS.toMillis(10);

	/**
	 * How often the worker looks for pending batches nobody signalled (left by a previous
	 * run or by another instance).
	 */
	private static final long POLL_MILLIS = TimeUnit.SECONDS.toMillis(5);

	private final PendingRollups pending;

	private final UsageStore store;

	private final PeriodRollups periods;

	private final RollupQuarantine quarantine;

	private final TransactionTemplate transactions;

	/**
	 * The worker thread, a new one each time the app starts (tests pause and resume it).
	 */
	private volatile Thread worker;

	/**
	 * Even while no fold runs, odd while one does: incremented before a fold transaction
	 * starts and after it ends.
	 */
	private final AtomicLong generation = new AtomicLong();

	/** Batches committed here and not folded yet (as far as this instance knows). */
	private final AtomicInteger backlog = new AtomicInteger();

	/** Reads holding folds back now. */
	private final AtomicInteger holds = new AtomicInteger();

	private final Object signal = new Object();

	private boolean signalled = true;

	private volatile boolean stopped;

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
	 * Start the worker once every bean is ready (after the period rollups were rebuilt
	 * for the configured timezone, if they had to be).
	 */
	@Override
	public void start() {
		this.stopped = false;
		Thread thread = new Thread(this::work, "legends-rollups");
		thread.setDaemon(true);
		this.worker = thread;
		thread.start();
	}

	/** Started before the writer and the web server, stopped after them. */
	@Override
	public int getPhase() {
		return UsageWriter.PHASE - 1024;
	}

	@Override
	public boolean isRunning() {
		Thread thread = this.worker;
		return thread != null && thread.isAlive();
	}

	/**
	 * Batches were committed: fold them soon.
	 * @param batches how many pending rows the commit added
	 */
	void committed(int batches) {
		this.backlog.addAndGet(batches);
		synchronized (this.signal) {
			this.signalled = true;
			this.signal.notifyAll();
		}
	}

	/**
	 * The fold generation: even while no fold runs. A read that saw the same even value
	 * before and after it read rollups and pending batches saw no fold commit in between.
	 * @return the generation
	 */
	long generation() {
		return this.generation.get();
	}

	/**
	 * Wait until no fold runs (the running fold holds its own connection and needs
	 * nothing a reader holds, so a reader may wait for it in a transaction), at most a
	 * few seconds.
	 * @return the generation then
	 */
	long settledGeneration() {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		long current = this.generation.get();
		while ((current & 1) == 1 && System.nanoTime() < deadline) {
			synchronized (this.generation) {
				current = this.generation.get();
				if ((current & 1) == 1) {
					waitOn(this.generation, 10);
				}
			}
			current = this.generation.get();
		}
		return current;
	}

	/**
	 * Hold back the next fold until {@link #release()} (at most {@value #HOLD_SECONDS}
	 * s), for a read that kept meeting folds.
	 */
	void hold() {
		this.holds.incrementAndGet();
	}

	/** End a {@link #hold()}. */
	void release() {
		if (this.holds.decrementAndGet() == 0) {
			synchronized (this.generation) {
				this.generation.notifyAll();
			}
		}
	}

	/** Batches committed here and not folded yet (as far as this instance knows). */
	int backlog() {
		return this.backlog.get();
	}

	/**
	 * Wait while the backlog is above a limit (the writer calls this between
	 * transactions, holding no connection), at most a few seconds.
	 * @param limit the backlog to wait for
	 */
	void awaitBacklogAtMost(int limit) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (this.backlog.get() > limit && System.nanoTime() < deadline && !this.stopped) {
			synchronized (this.generation) {
				waitOn(this.generation, 10);
			}
		}
	}

	private void work() {
		while (!this.stopped) {
			synchronized (this.signal) {
				if (!this.signalled) {
					waitOn(this.signal, POLL_MILLIS);
				}
				this.signalled = false;
			}
			if (this.stopped) {
				return;
			}
			coalesce();
			try {
				while (foldSome() == PER_TRANSACTION && !this.stopped) {
					// a full transaction: there may be more
				}
			}
			catch (RuntimeException ex) {
				DatabaseFailures.warn(logger,
						"Adding ingested usage to the rollups failed; it stays pending and is retried", ex);
				synchronized (this.signal) {
					waitOn(this.signal, RETRY_MILLIS);
				}
			}
		}
	}

	/**
	 * Let the batches committed in the next moment share this fold (and its period rows
	 * and commit): under a steady stream of small exports the writer commits a group
	 * every few milliseconds. Reads add pending batches themselves, so waiting costs them
	 * nothing but a few more rows to add.
	 */
	private void coalesce() {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(COALESCE_MILLIS);
		while (this.backlog.get() < PER_TRANSACTION && !this.stopped) {
			long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
			if (left <= 0) {
				return;
			}
			synchronized (this.signal) {
				waitOn(this.signal, left);
			}
		}
	}

	/** Wait (holding no connection) while reads hold folds back, at most a while. */
	private void awaitNoHolds() {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HOLD_SECONDS);
		while (this.holds.get() > 0 && System.nanoTime() < deadline) {
			synchronized (this.generation) {
				if (this.holds.get() > 0) {
					waitOn(this.generation, 10);
				}
			}
		}
	}

	private static void waitOn(Object monitor, long millis) {
		try {
			monitor.wait(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Fold the oldest pending batches, at most a transaction's worth, in one transaction.
	 * @return how many were folded (none: another instance folded them, and this one's
	 * backlog is cleared)
	 */
	private int foldSome() {
		awaitNoHolds();
		this.generation.incrementAndGet();
		int folded;
		try {
			folded = foldOrQuarantine();
		}
		finally {
			this.generation.incrementAndGet();
			synchronized (this.generation) {
				this.generation.notifyAll();
			}
		}
		if (folded == 0) {
			this.backlog.set(0);
			return 0;
		}
		this.backlog.updateAndGet((left) -> Math.max(0, left - folded));
		return folded;
	}

	/**
	 * Fold the oldest batches in one transaction; when that fails on their data, each
	 * alone, quarantining the ones that fail alone.
	 */
	private int foldOrQuarantine() {
		try {
			Integer folded = this.transactions.execute((status) -> foldOldest());
			return (folded != null) ? folded : 0;
		}
		catch (RuntimeException ex) {
			if (!RollupQuarantine.isPoison(ex)) {
				throw ex;
			}
			return foldOneByOne();
		}
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
		return batches.size();
	}

	@Override
	public void stop() {
		this.stopped = true;
		synchronized (this.signal) {
			this.signal.notifyAll();
		}
		try {
			Thread thread = this.worker;
			if (thread != null) {
				thread.join(TimeUnit.SECONDS.toMillis(10));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
