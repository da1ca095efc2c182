package dev.legends.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import dev.legends.usage.UsageStore.Grouped;
import dev.legends.usage.UsageStore.Hourly;
import dev.legends.usage.UsageStore.IdentityRow;
import dev.legends.usage.UsageStore.KeyedInput;
import dev.legends.usage.UsageStore.RollupKey;
import dev.legends.workspace.MemberProfileChanged;
import dev.legends.workspace.RetryingTransactions;
import dev.legends.workspace.TimeWindow;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

	private final PendingRollups pending;

	private final RollupFolder folder;

	/**
	 * The order identities are written in: by kind name and value, the same in every JVM
	 * (unlike the hash order of a map keyed by them, which follows the enum's identity
	 * hash).
	 */
	static final Comparator<UsageIdentity> IDENTITY_ORDER = Comparator
		.comparing((UsageIdentity identity) -> identity.kind().name())
		.thenComparing(UsageIdentity::value);

	private final RetryingTransactions transactions;

	UsageLedger(UsageStore store, PeriodRollups periods, PendingRollups pending, RollupFolder folder,
			IdentityResolver resolver, Pricing pricing, RetryingTransactions transactions) {
		this.store = store;
		this.periods = periods;
		this.pending = pending;
		this.folder = folder;
		this.resolver = resolver;
		this.pricing = pricing;
		this.transactions = transactions;
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
		if (inputs.isEmpty()) {
			return new IngestResult(0, 0, List.of());
		}
		checkBounds(inputs);
		Set<UsageIdentity> identities = new LinkedHashSet<>();
		inputs.forEach((input) -> identities.add(input.user()));
		Map<UsageIdentity, Long> members = this.resolver.resolve(workspaceId, identities);
		this.folder.ingestStarted();
		try {
			// A concurrent ingest that stored some of the same records first, or met this
			// one in a deadlock, costs an attempt: the next counts them as duplicates.
			return this.transactions.execute((status) -> write(workspaceId, inputs, members));
		}
		finally {
			this.folder.ingestEnded();
		}
	}

	/**
	 * A person's totals in a window, over every identity matched to them.
	 * @param memberId the member
	 * @param window the period
	 * @return the totals ({@link UsageTotals#EMPTY}-like when nothing was recorded)
	 */
	public UsageTotals totalsForMember(Long memberId, TimeWindow window) {
		this.folder.fold();
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
		this.folder.fold();
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
		this.folder.fold();
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
		this.folder.fold();
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
		this.folder.fold();
		return daily(this.store.memberByHour(memberId, window), window, zone);
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
		this.folder.fold();
		return daily(this.store.workspaceByHour(workspaceId, window), window, zone);
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
		this.folder.fold();
		return this.transactions.execute((status) -> {
			IdentityRow row = this.store.findIdentities(workspaceId, List.of(identity)).get(identity);
			if (row == null) {
				this.store.setIdentityMember(this.store.identityFor(workspaceId, identity, memberId), memberId);
				return new IdentityMapping(identity, memberId, null, 0);
			}
			this.store.setIdentityMember(row.id(), memberId);
			return new IdentityMapping(identity, memberId, row.memberId(), this.store.recordsOf(row.id()));
		});
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
		this.folder.fold();
		return this.store.unmatched(workspaceId)
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

	private IngestResult write(Long workspaceId, List<UsageInput> inputs, Map<UsageIdentity, Long> members) {
		Map<UsageIdentity, Long> identityIds = ensureIdentities(workspaceId, members);
		// Sorted by source and key: batches that share records insert them in one order
		// on every instance, so they wait for each other instead of deadlocking.
		Map<String, Map<String, KeyedInput>> bySource = new TreeMap<>();
		for (UsageInput input : inputs) {
			KeyedInput keyed = new KeyedInput(input, DedupeKeys.of(input), identityIds.get(input.user()));
			bySource.computeIfAbsent(input.source(), (source) -> new TreeMap<>()).putIfAbsent(keyed.key(), keyed);
		}
		List<KeyedInput> fresh = insertNew(workspaceId, bySource);
		this.pending.add(workspaceId, rollups(fresh));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				UsageLedger.this.folder.afterIngest();
			}

		});
		List<String> unmatched = members.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() == null)
			.map((entry) -> entry.getKey().value())
			.distinct()
			.sorted()
			.toList();
		return new IngestResult(fresh.size(), inputs.size() - fresh.size(), unmatched);
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
	 * A whole week, month or quarter reads the period rows; any other window sums the
	 * hourly rollups.
	 */
	private List<Grouped> workspaceByIdentityAndModel(Long workspaceId, TimeWindow window) {
		return this.periods.slotOf(window)
			.map((slot) -> this.periods.workspace(workspaceId, slot))
			.orElseGet(() -> this.store.workspaceByIdentityAndModel(workspaceId, window));
	}

	private List<Grouped> memberByModel(Long memberId, TimeWindow window) {
		return this.periods.slotOf(window)
			.map((slot) -> this.periods.member(memberId, slot))
			.orElseGet(() -> this.store.memberByModel(memberId, window));
	}

	/**
	 * The row id of each identity, created where missing and attached to its person where
	 * it had none; in one global order (kind, then value), so that concurrent batches
	 * lock the rows they share in the same order on every instance.
	 */
	private Map<UsageIdentity, Long> ensureIdentities(Long workspaceId, Map<UsageIdentity, Long> members) {
		Map<UsageIdentity, IdentityRow> rows = this.store.findIdentities(workspaceId, members.keySet());
		Map<UsageIdentity, Long> ids = new HashMap<>();
		List<UsageIdentity> ordered = new ArrayList<>(members.keySet());
		ordered.sort(IDENTITY_ORDER);
		for (UsageIdentity identity : ordered) {
			Long memberId = members.get(identity);
			IdentityRow row = rows.get(identity);
			if (row == null) {
				ids.put(identity, this.store.identityFor(workspaceId, identity, memberId));
				continue;
			}
			if (row.memberId() == null && memberId != null) {
				this.store.setIdentityMember(row.id(), memberId);
			}
			ids.put(identity, row.id());
		}
		return ids;
	}

	private static Map<RollupKey, TokenCounts> rollups(List<KeyedInput> records) {
		Map<RollupKey, TokenCounts> rollups = new HashMap<>();
		for (KeyedInput record : records) {
			UsageInput input = record.input();
			RollupKey key = new RollupKey(record.identityId(), input.model(),
					input.start().truncatedTo(ChronoUnit.HOURS));
			rollups.merge(key, TokenCounts.of(input), TokenCounts::plus);
		}
		return rollups;
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
