package dev.legends.usage;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.legends.usage.UsageStore.IdentityRow;
import dev.legends.usage.UsageStore.KeyedInput;
import dev.legends.usage.UsageStore.RollupKey;
import dev.legends.workspace.CauseKeepingTransactions;
import dev.legends.workspace.RetryingTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Group commit: one writer thread stores the ingests that arrive together in one
 * transaction, and each waiting request returns only after that transaction committed.
 * Requests wait holding no database connection; the writer holds one, and needs nothing a
 * request holds. When a group fails, each of its ingests is written again in a
 * transaction of its own, so that one ingest's failure fails only that ingest and each
 * stays all or nothing.
 */
@Component
class UsageWriter implements SmartLifecycle {

	/**
	 * The order identities are written in: by kind name and value, the same in every JVM
	 * (unlike the hash order of a map keyed by them, which follows the enum's identity
	 * hash).
	 */
	static final Comparator<UsageIdentity> IDENTITY_ORDER = Comparator
		.comparing((UsageIdentity identity) -> identity.kind().name())
		.thenComparing(UsageIdentity::value);

	/** Started before the web server, stopped after it has drained its requests. */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger logger = LoggerFactory.getLogger(UsageWriter.class);

	/** Ingests per group transaction at most. */
	private static final int MAX_INGESTS = 512;

	/** Records per group transaction at most (a larger ingest goes alone). */
	private static final int MAX_RECORDS = 20_000;

	/**
	 * Pending batches not folded yet above which the writer waits for the folder before
	 * its next transaction, so that ingest faster than its rollups slows down instead of
	 * piling up work (and reads, which add pending sums themselves, stay quick).
	 */
	private static final int MAX_BACKLOG = 4 * RollupFolder.PER_TRANSACTION;

	private final UsageStore store;

	private final PendingRollups pending;

	private final RollupFolder folder;

	private final IdentityCache identities;

	private final CauseKeepingTransactions transactions;

	private final TransactionOperations retrying;

	private final BlockingQueue<Ingest> queue = new LinkedBlockingQueue<>();

	/**
	 * The writer thread, a new one each time the app starts (tests pause and resume it).
	 */
	private volatile Thread writer;

	private volatile boolean running;

	UsageWriter(UsageStore store, PendingRollups pending, RollupFolder folder, IdentityCache identities,
			PlatformTransactionManager transactionManager, RetryingTransactions retrying) {
		this.store = store;
		this.pending = pending;
		this.folder = folder;
		this.identities = identities;
		this.transactions = new CauseKeepingTransactions(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.retrying = retrying::execute;
	}

	/**
	 * Store an ingest's records with the next group, and wait until it committed.
	 * @param workspaceId the workspace
	 * @param inputs the records, validated
	 * @param members the person of each identity ({@code null} for none)
	 * @param alongside what else to write in the same transaction (after the records)
	 * @return what was stored
	 */
	IngestResult write(Long workspaceId, List<UsageInput> inputs, Map<UsageIdentity, Long> members,
			Runnable alongside) {
		if (!this.running) {
			throw new IllegalStateException("Legends is shutting down and stores no more usage");
		}
		Ingest ingest = new Ingest(workspaceId, inputs, members, alongside, new CompletableFuture<>());
		this.queue.add(ingest);
		try {
			return ingest.done().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the usage to be stored", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private void work() {
		while (this.running || !this.queue.isEmpty()) {
			List<Ingest> group = new ArrayList<>();
			try {
				Ingest first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				group.add(first);
				int records = first.inputs().size();
				Ingest next;
				while (group.size() < MAX_INGESTS && (next = this.queue.peek()) != null
						&& records + next.inputs().size() <= MAX_RECORDS) {
					group.add(this.queue.remove());
					records += next.inputs().size();
				}
				this.folder.awaitBacklogAtMost(MAX_BACKLOG);
				writeGroup(group);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				group.forEach((ingest) -> ingest.done().completeExceptionally(ex));
				return;
			}
			catch (Throwable ex) {
				group.forEach((ingest) -> ingest.done().completeExceptionally(ex));
			}
		}
	}

	private void writeGroup(List<Ingest> group) {
		try {
			commit(group, this.transactions);
		}
		catch (RuntimeException ex) {
			if (group.size() > 1) {
				logger.debug("A group of {} ingests failed; writing each alone", group.size(), ex);
			}
			group.forEach(this::writeAlone);
		}
	}

	/**
	 * Write one ingest in a transaction of its own, again when it fails transiently (a
	 * deadlock with another instance's writer, or a unique key another instance took
	 * first: the next attempt counts those records as duplicates).
	 */
	private void writeAlone(Ingest ingest) {
		try {
			commit(List.of(ingest), this.retrying);
		}
		catch (RuntimeException ex) {
			ingest.done().completeExceptionally(ex);
		}
	}

	private void commit(List<Ingest> group, TransactionOperations transactions) {
		Map<WorkspaceIdentity, IdentityRow> seen = new HashMap<>();
		long readAt = this.identities.generation();
		List<IngestResult> results = transactions.execute((status) -> {
			seen.clear();
			return writeAll(group, seen);
		});
		seen.forEach((key, row) -> this.identities.put(readAt, key.workspaceId(), key.identity(), row));
		this.folder.committed(pendingBatches(group));
		for (int i = 0; i < group.size(); i++) {
			group.get(i).done().complete(results.get(i));
		}
	}

	private static int pendingBatches(List<Ingest> group) {
		return (int) group.stream().map(Ingest::workspaceId).distinct().count();
	}

	private List<IngestResult> writeAll(List<Ingest> group, Map<WorkspaceIdentity, IdentityRow> seen) {
		Map<Long, Map<RollupKey, TokenCounts>> byWorkspace = new TreeMap<>();
		List<IngestResult> results = new ArrayList<>();
		for (Ingest ingest : group) {
			Long workspaceId = ingest.workspaceId();
			Map<UsageIdentity, Long> identityIds = ensureIdentities(workspaceId, ingest.members(), seen);
			// Sorted by source and key: batches that share records insert them in one
			// order
			// on every instance, so they wait for each other instead of deadlocking.
			Map<String, Map<String, KeyedInput>> bySource = new TreeMap<>();
			for (UsageInput input : ingest.inputs()) {
				KeyedInput keyed = new KeyedInput(input, DedupeKeys.of(input), identityIds.get(input.user()));
				bySource.computeIfAbsent(input.source(), (source) -> new TreeMap<>()).putIfAbsent(keyed.key(), keyed);
			}
			List<KeyedInput> fresh = insertNew(workspaceId, bySource);
			Map<RollupKey, TokenCounts> sums = byWorkspace.computeIfAbsent(workspaceId, (id) -> new HashMap<>());
			addRollups(fresh, sums);
			if (ingest.alongside() != null) {
				ingest.alongside().run();
			}
			results.add(new IngestResult(fresh.size(), ingest.inputs().size() - fresh.size(), unmatched(ingest)));
		}
		byWorkspace.forEach(this.pending::add);
		return results;
	}

	private static List<String> unmatched(Ingest ingest) {
		return ingest.members()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() == null)
			.map((entry) -> entry.getKey().value())
			.distinct()
			.sorted()
			.toList();
	}

	/**
	 * Insert the records not stored yet. Optimistic: new data is the common case, so all
	 * are inserted at once; only when the unique key refuses some is that undone (to a
	 * savepoint) and the stored keys are looked up first.
	 */
	private List<KeyedInput> insertNew(Long workspaceId, Map<String, Map<String, KeyedInput>> bySource) {
		List<KeyedInput> candidates = new ArrayList<>();
		bySource.values().forEach((keyed) -> candidates.addAll(keyed.values()));
		if (this.store.tryInsertAll(workspaceId, candidates)) {
			return candidates;
		}
		List<KeyedInput> fresh = new ArrayList<>();
		bySource.forEach((source, keyed) -> {
			keyed.keySet().removeAll(this.store.existingKeys(workspaceId, source, keyed.keySet()));
			fresh.addAll(keyed.values());
		});
		this.store.insertRecords(workspaceId, fresh);
		return fresh;
	}

	/**
	 * The identity row of each identity: from the cache (or from earlier in this
	 * transaction) when known, else read, else inserted; a person found now is attached
	 * to a row that had none.
	 */
	private Map<UsageIdentity, Long> ensureIdentities(Long workspaceId, Map<UsageIdentity, Long> members,
			Map<WorkspaceIdentity, IdentityRow> seen) {
		Map<UsageIdentity, Long> ids = new HashMap<>();
		List<UsageIdentity> unknown = new ArrayList<>();
		members.forEach((identity, memberId) -> {
			IdentityRow row = seen.get(new WorkspaceIdentity(workspaceId, identity));
			if (row == null) {
				row = this.identities.get(workspaceId, identity);
			}
			if (row == null) {
				unknown.add(identity);
			}
			else {
				ids.put(identity, known(workspaceId, identity, row, memberId, seen));
			}
		});
		if (unknown.isEmpty()) {
			return ids;
		}
		// in one global order, so that concurrent writers (other instances) lock the rows
		// they share in the same order
		unknown.sort(IDENTITY_ORDER);
		Map<UsageIdentity, IdentityRow> rows = this.store.findIdentities(workspaceId, unknown);
		Map<UsageIdentity, Long> missing = new LinkedHashMap<>();
		unknown.stream()
			.filter((identity) -> !rows.containsKey(identity))
			.forEach((identity) -> missing.put(identity, members.get(identity)));
		if (!missing.isEmpty()) {
			// new identities in one batch, then read back with the rows of any that
			// another writer inserted at the same moment
			this.store.insertIdentities(workspaceId, missing);
			rows.putAll(this.store.findIdentities(workspaceId, missing.keySet()));
		}
		for (UsageIdentity identity : unknown) {
			IdentityRow row = rows.get(identity);
			if (row == null) {
				throw new IllegalStateException("An identity row was inserted but cannot be read");
			}
			ids.put(identity, known(workspaceId, identity, row, members.get(identity), seen));
		}
		return ids;
	}

	private long known(Long workspaceId, UsageIdentity identity, IdentityRow row, Long memberId,
			Map<WorkspaceIdentity, IdentityRow> seen) {
		if (row.memberId() == null && memberId != null) {
			this.store.setIdentityMember(row.id(), memberId);
			row = new IdentityRow(row.id(), memberId);
		}
		seen.put(new WorkspaceIdentity(workspaceId, identity), row);
		return row.id();
	}

	private static void addRollups(List<KeyedInput> records, Map<RollupKey, TokenCounts> rollups) {
		for (KeyedInput record : records) {
			UsageInput input = record.input();
			RollupKey key = new RollupKey(record.identityId(), input.model(),
					input.start().truncatedTo(ChronoUnit.HOURS));
			rollups.merge(key, TokenCounts.of(input), TokenCounts::plus);
		}
	}

	@Override
	public void start() {
		this.running = true;
		Thread thread = new Thread(this::work, "legends-writer");
		thread.setDaemon(true);
		this.writer = thread;
		thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		try {
			Thread thread = this.writer;
			if (thread != null) {
				thread.join(TimeUnit.SECONDS.toMillis(30));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** An ingest waiting for its group. */
	private record Ingest(Long workspaceId, List<UsageInput> inputs, Map<UsageIdentity, Long> members,
			Runnable alongside, CompletableFuture<IngestResult> done) {

	}

	/** An identity of a workspace. */
	record WorkspaceIdentity(Long workspaceId, UsageIdentity identity) {

	}

}
