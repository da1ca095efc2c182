package dev.legends.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.legends.usage.UsageStore.Grouped;
import dev.legends.usage.UsageStore.Hourly;
import dev.legends.usage.UsageStore.IdentityRow;
import dev.legends.workspace.CacheEpochs;
import dev.legends.workspace.ChangeVersions;
import dev.legends.workspace.MemberProfileChanged;
import dev.legends.workspace.RetryingTransactions;
import dev.legends.workspace.TimeWindow;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The usage ledger: stores usage records once each (deduplicated), keeps hourly and
 * period rollups per identity and model (each batch's sums are stored with it and added
 * to the rollups right after it commits, or before the next read, whichever comes first),
 * and answers period totals from the rollups, priced with Legends' price table.
 *
 * <p>
 * Periods are matched by the hour a record starts in: a record counts in a window when
 * the hour its {@code start} falls in begins inside the window (exact for windows on
 * whole hours, as weeks and days are).
 */
@Service
public class UsageLedger {

	private final UsageStore store;

	private final IdentityResolver resolver;

	private final Pricing pricing;

	private final PeriodRollups periods;

	private final PendingSums pending;

	private final RollupFolder folder;

	private final UsageWriter writer;

	private final IdentityCache identities;

	private final RetryingTransactions transactions;

	private final ChangeVersions versions;

	private final CacheEpochs epochs;

	private final TransactionTemplate reads;

	UsageLedger(UsageStore store, PeriodRollups periods, PendingSums pending, RollupFolder folder, UsageWriter writer,
			IdentityCache identities, IdentityResolver resolver, Pricing pricing,
			PlatformTransactionManager transactionManager, RetryingTransactions transactions, CacheEpochs epochs,
			ChangeVersions versions) {
		this.store = store;
		this.versions = versions;
		this.epochs = epochs;
		this.periods = periods;
		this.pending = pending;
		this.folder = folder;
		this.writer = writer;
		this.identities = identities;
		this.resolver = resolver;
		this.pricing = pricing;
		this.transactions = transactions;
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
		this.reads.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/**
	 * Store usage records of a workspace, all or nothing in one transaction. Records
	 * stored before (same source and id, or same content when there is no id) count as
	 * duplicates and change nothing; identities are matched to people where possible.
	 * @param workspaceId the workspace
	 * @param inputs the records, already validated
	 * @return how many were accepted, how many were duplicates, and the identities no
	 * person is known for yet
	 */
	public IngestResult ingest(Long workspaceId, List<UsageInput> inputs) {
		return ingest(workspaceId, inputs, null);
	}

	/**
	 * Store usage records as {@link #ingest(Long, List)} does, and write something else
	 * in the same transaction (so that both are stored or neither). Concurrent ingests
	 * share one transaction (group commit); this returns once it committed.
	 * @param workspaceId the workspace
	 * @param inputs the records, already validated
	 * @param alongside what else to write, on the writer's thread and transaction (JDBC
	 * on the application's data source), or {@code null}
	 * @return what was stored
	 */
	public IngestResult ingest(Long workspaceId, List<UsageInput> inputs, Runnable alongside) {
		if (inputs.isEmpty() && alongside == null) {
			return new IngestResult(0, 0, List.of());
		}
		checkBounds(inputs);
		Set<UsageIdentity> identities = new LinkedHashSet<>();
		inputs.forEach((input) -> identities.add(input.user()));
		Map<UsageIdentity, Long> members = this.resolver.resolve(workspaceId, identities);
		IngestResult result = this.writer.write(workspaceId, inputs, members, alongside);
		this.resolver.lookUpLater(workspaceId,
				members.entrySet()
					.stream()
					.filter((entry) -> entry.getValue() == null)
					.map(Map.Entry::getKey)
					.toList());
		return result;
	}

	/**
	 * A person's totals in a window, over every identity matched to them.
	 * @param memberId the member
	 * @param window the period
	 * @return the totals ({@link UsageTotals#EMPTY}-like when nothing was recorded)
	 */
	public UsageTotals totalsForMember(Long memberId, TimeWindow window) {
		TotalsAccumulator totals = new TotalsAccumulator(this.pricing);
		memberByModel(memberId, window).forEach((row) -> totals.add(row.model(), row.counts()));
		return totals.totals();
	}

	/**
	 * A person's totals in a window per model, largest token count first.
	 * @param memberId the member
	 * @param window the period
	 * @return one entry per model used
	 */
	public List<ModelUsage> totalsByModelForMember(Long memberId, TimeWindow window) {
		return memberByModel(memberId, window).stream()
			.map((row) -> new ModelUsage(row.model(),
					new TotalsAccumulator(this.pricing).add(row.model(), row.counts()).totals()))
			.sorted(Comparator.comparingLong((ModelUsage usage) -> usage.totals().totalTokens()).reversed())
			.toList();
	}

	/**
	 * Every person's totals in a workspace and window, plus one entry per identity not
	 * matched to a person yet; largest token count first.
	 * @param workspaceId the workspace
	 * @param window the period
	 * @return the totals per owner (only owners with usage in the window)
	 */
	public List<OwnerUsage> totalsByOwner(Long workspaceId, TimeWindow window) {
		Map<UsageOwner, TotalsAccumulator> byOwner = new LinkedHashMap<>();
		for (Grouped row : workspaceByIdentityAndModel(workspaceId, window)) {
			byOwner.computeIfAbsent(row.owner(), (owner) -> new TotalsAccumulator(this.pricing))
				.add(row.model(), row.counts());
		}
		return byOwner.entrySet()
			.stream()
			.map((entry) -> new OwnerUsage(entry.getKey(), entry.getValue().totals()))
			.sorted(Comparator.comparingLong((OwnerUsage usage) -> usage.totals().totalTokens()).reversed())
			.toList();
	}

	/**
	 * Every matched person's totals in a workspace and window (unmatched usage left out).
	 * @param workspaceId the workspace
	 * @param window the period
	 * @return totals by member id (only members with usage in the window)
	 */
	public Map<Long, UsageTotals> totalsByMember(Long workspaceId, TimeWindow window) {
		Map<Long, UsageTotals> byMember = new LinkedHashMap<>();
		totalsByOwner(workspaceId, window).stream()
			.filter((usage) -> usage.owner().isMember())
			.forEach((usage) -> byMember.put(usage.owner().memberId(), usage.totals()));
		return byMember;
	}

	/**
	 * A workspace's totals in a window, matched and unmatched usage together.
	 * @param workspaceId the workspace
	 * @param window the period
	 * @return the totals
	 */
	public UsageTotals workspaceTotals(Long workspaceId, TimeWindow window) {
		TotalsAccumulator totals = new TotalsAccumulator(this.pricing);
		workspaceByIdentityAndModel(workspaceId, window).forEach((row) -> totals.add(row.model(), row.counts()));
		return totals.totals();
	}

	/**
	 * A person's usage per calendar day of a zone, one entry for every day the window
	 * touches (empty days included), oldest first.
	 * @param memberId the member
	 * @param window the period
	 * @param zone whose midnight separates days
	 * @return the series
	 */
	public List<DailyUsage> dailySeriesForMember(Long memberId, TimeWindow window, ZoneId zone) {
		return daily(settled(() -> PendingSums.mergeHourly(this.store.memberByHour(memberId, window),
				this.pending.memberByHour(memberId, window))), window, zone);
	}

	/**
	 * A workspace's usage per calendar day of a zone, one entry for every day the window
	 * touches (empty days included), oldest first.
	 * @param workspaceId the workspace
	 * @param window the period
	 * @param zone whose midnight separates days
	 * @return the series
	 */
	public List<DailyUsage> dailySeriesForWorkspace(Long workspaceId, TimeWindow window, ZoneId zone) {
		return daily(settled(() -> PendingSums.mergeHourly(this.store.workspaceByHour(workspaceId, window),
				this.pending.workspaceByHour(workspaceId, window))), window, zone);
	}

	/**
	 * Map an identity (email, Slack id, API key name or id, account id) to a person: its
	 * usage, past and future, counts for them.
	 * @param workspaceId the workspace
	 * @param identity the identity
	 * @param memberId the person
	 * @return what changed
	 */
	public IdentityMapping mapIdentity(Long workspaceId, UsageIdentity identity, Long memberId) {
		this.identities.forget(workspaceId, identity);
		IdentityMapping mapping = this.transactions.execute((status) -> {
			// other instances drop what they cached about identities within a second, and
			// boards (and /legends me) show the usage under its new owner at once
			this.epochs.bump(CacheEpochs.IDENTITIES);
			this.versions.bumpUsage(workspaceId);
			IdentityRow row = this.store.findIdentities(workspaceId, List.of(identity)).get(identity);
			if (row == null) {
				this.store.setIdentityMember(this.store.identityFor(workspaceId, identity, memberId), memberId);
				return new IdentityMapping(identity, memberId, null, 0);
			}
			this.store.setIdentityMember(row.id(), memberId);
			return new IdentityMapping(identity, memberId, row.memberId(),
					settled(() -> this.store.recordsOf(row.id()) + this.pending.recordsOf(workspaceId, row.id())));
		});
		this.identities.forget(workspaceId, identity);
		this.resolver.forget(workspaceId, identity);
		return mapping;
	}

	/**
	 * The identities matched to a person: their email and Slack id once seen in usage,
	 * and the API key names and provider ids an admin mapped to them.
	 * @param memberId the person
	 * @return the identities (empty when none carried usage or was mapped)
	 */
	public List<UsageIdentity> identitiesOf(Long memberId) {
		return this.store.identitiesOf(memberId);
	}

	/**
	 * Each source of a workspace with the end of its newest usage, newest first (scans
	 * the workspace's records: for ingest health, not hot paths).
	 * @param workspaceId the workspace
	 * @return the sources
	 */
	public List<SourceActivity> sources(Long workspaceId) {
		return this.store.sources(workspaceId);
	}

	/**
	 * The identities of a workspace whose usage no person is matched to yet, most records
	 * first.
	 * @param workspaceId the workspace
	 * @return the unmatched identities that carry usage
	 */
	public List<UnmatchedIdentity> unmatchedIdentities(Long workspaceId) {
		return settled(() -> PendingSums.merge(this.store.unmatched(workspaceId),
				this.pending.byOwnerAndModel(workspaceId, null)
					.stream()
					.filter((row) -> !row.owner().isMember())
					.map((row) -> new Grouped(row.owner(), "", row.counts()))
					.toList()))
			.stream()
			.map((row) -> new UnmatchedIdentity(row.owner().identity(), row.counts().records(),
					row.counts().totalTokens()))
			.sorted(Comparator.comparingLong(UnmatchedIdentity::records).reversed())
			.toList();
	}

	/**
	 * Attach usage kept under a person's email or Slack id once they become known.
	 * @param event the member that appeared or changed email
	 */
	@EventListener
	void on(MemberProfileChanged event) {
		this.store.attachMember(event.workspaceId(), event.memberId(), event.slackUserId(), event.email());
		forgetIdentitiesOf(event);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// again once committed: a read meanwhile may have cached the rows as they
			// were
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					forgetIdentitiesOf(event);
				}

			});
		}
	}

	/**
	 * The last guard of {@link UsageBounds}: every ingest path refuses such records with
	 * a 400 first, so one arriving here is a bug, and nothing of its batch is stored.
	 */
	private static void checkBounds(List<UsageInput> inputs) {
		for (int i = 0; i < inputs.size(); i++) {
			List<UsageBounds.Problem> problems = UsageBounds.check(inputs.get(i));
			if (!problems.isEmpty()) {
				throw new IllegalArgumentException("Record " + i + " is past the usage bounds: "
						+ problems.get(0).field() + " " + problems.get(0).message());
			}
		}
	}

	private void forgetIdentitiesOf(MemberProfileChanged event) {
		if (event.email() != null) {
			UsageIdentity email = UsageIdentity.email(event.email());
			this.identities.forget(event.workspaceId(), email);
			this.resolver.forget(event.workspaceId(), email);
		}
		if (event.slackUserId() != null) {
			UsageIdentity slackId = UsageIdentity.slackId(event.slackUserId());
			this.identities.forget(event.workspaceId(), slackId);
			this.resolver.forget(event.workspaceId(), slackId);
		}
	}

	/**
	 * A window of whole weeks, months or quarters reads the period rows; any other window
	 * sums the hourly rollups.
	 */
	private List<Grouped> workspaceByIdentityAndModel(Long workspaceId, TimeWindow window) {
		return settled(() -> PendingSums.merge(
				this.periods.slotsOf(window)
					.map((slots) -> this.periods.workspace(workspaceId, slots))
					.orElseGet(() -> this.store.workspaceByIdentityAndModel(workspaceId, window)),
				this.pending.byOwnerAndModel(workspaceId, window)));
	}

	private List<Grouped> memberByModel(Long memberId, TimeWindow window) {
		return settled(() -> PendingSums.merge(
				this.periods.slotsOf(window)
					.map((slots) -> this.periods.member(memberId, slots))
					.orElseGet(() -> this.store.memberByModel(memberId, window)),
				this.pending.memberByModel(memberId, window)));
	}

	/**
	 * Run a read of rollups and pending sums so that it sees either state of every fold:
	 * in one repeatable-read transaction (one snapshot on PostgreSQL), and again if a
	 * fold of this instance committed while it read. From its third attempt on it holds
	 * the next fold back, so that under a steady stream of folds (a fleet exporting) a
	 * read is repeated a few times at most instead of until a gap between folds happens
	 * to be long enough.
	 */
	private <T> T settled(Supplier<T> read) {
		for (int attempt = 1;; attempt++) {
			boolean holding = attempt > 2;
			if (holding) {
				this.folder.hold();
			}
			try {
				long generation = this.folder.settledGeneration();
				T result = this.reads.execute((status) -> read.get());
				if (this.folder.generation() == generation) {
					return result;
				}
			}
			finally {
				if (holding) {
					this.folder.release();
				}
			}
		}
	}

	private List<DailyUsage> daily(List<Hourly> rows, TimeWindow window, ZoneId zone) {
		TreeMap<LocalDate, TotalsAccumulator> days = new TreeMap<>();
		Function<LocalDate, TotalsAccumulator> empty = (day) -> new TotalsAccumulator(this.pricing);
		LocalDate first = window.start().atZone(zone).toLocalDate();
		Instant lastInstant = window.end().equals(window.start()) ? window.end() : window.end().minusNanos(1);
		LocalDate last = lastInstant.atZone(zone).toLocalDate();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			days.put(day, empty.apply(day));
		}
		for (Hourly row : rows) {
			days.computeIfAbsent(row.bucketStart().atZone(zone).toLocalDate(), empty).add(row.model(), row.counts());
		}
		return days.entrySet()
			.stream()
			.map((entry) -> new DailyUsage(entry.getKey(), entry.getValue().totals()))
			.toList();
	}

}
