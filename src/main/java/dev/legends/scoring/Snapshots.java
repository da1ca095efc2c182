package dev.legends.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.legends.database.DatabaseFailures;
import dev.legends.scoring.internal.Efficiency;
import dev.legends.scoring.internal.Rankings;
import dev.legends.scoring.internal.Tally;
import dev.legends.teams.Team;
import dev.legends.workspace.ChangeVersions;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import dev.legends.workspace.TimeWindow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Computes each group's figures and rankings once per period and keeps them for a short
 * while ({@code legends.scoring.cache-ttl}), so that a burst of {@code /legends top}
 * requests costs one pass over the rollups (once that time is up, they are computed again
 * in the background while requests are served the previous figures); each use first reads
 * the workspace's change version, so that figures cached before a change made on any
 * instance (an outcome, an opt-out, a vacation) are never used after it. Usage figures
 * are kept per usage version instead, which only a change of whose usage is whose moves
 * (an identity mapped): a board after an outcome change recomputes outcome credits, not
 * usage.
 */
@Component
class Snapshots implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(Snapshots.class);

	private static final int MAX_ENTRIES = 256;

	private static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	/** Set on the refresher's thread while it computes an expired value again. */
	private static final ThreadLocal<Boolean> REFRESHING = ThreadLocal.withInitial(() -> false);

	private final Members members;

	private final ScoringProperties properties;

	private final ScoringSources.UsageSource usage;

	private final ScoringSources.CreditSource credits;

	private final Map<String, Entry> cache = new ConcurrentHashMap<>();

	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	/**
	 * The last value computed under each name (without a version), with what it was
	 * computed from (see {@link #sameAsLast}).
	 */
	private final Cache<String, Last> last = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

	/** When the cache may be swept next (see {@link #forgetUnused}). */
	private final AtomicLong nextSweep = new AtomicLong(System.nanoTime());

	/** Keys whose expired value is being computed again. */
	private final Set<String> refreshing = ConcurrentHashMap.newKeySet();

	/** Computes expired values again, off the request path. */
	private final ThreadPoolExecutor refresher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
			new ArrayBlockingQueue<>(MAX_ENTRIES), (task) -> {
				Thread thread = new Thread(task, "legends-boards");
				thread.setDaemon(true);
				return thread;
			});

	/**
	 * Computes the previous period's figures while the requesting thread computes the
	 * current period's (a cold board needs both); when both threads are busy, the caller
	 * computes them itself.
	 */
	private final ThreadPoolExecutor alongside = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
			new SynchronousQueue<>(), (task) -> {
				Thread thread = new Thread(task, "legends-boards-previous");
				thread.setDaemon(true);
				return thread;
			}, new ThreadPoolExecutor.CallerRunsPolicy());

	private final ChangeVersions versions;

	Snapshots(Members members, ScoringProperties properties, ObjectProvider<ScoringSources.UsageSource> usage,
			ObjectProvider<ScoringSources.CreditSource> credits, ChangeVersions versions) {
		this.members = members;
		this.versions = versions;
		this.properties = properties;
		this.usage = usage.getIfAvailable(() -> ScoringSources.UsageSource.NONE);
		this.credits = credits.getIfAvailable(() -> ScoringSources.CreditSource.NONE);
	}

	ScoringSources.UsageSource usage() {
		return this.usage;
	}

	ScoringSources.CreditSource credits() {
		return this.credits;
	}

	Snapshot workspace(Long workspaceId, Period period) {
		long version = this.versions.current(workspaceId);
		return cached("w:" + workspaceId + ":" + period + "@" + version, () -> {
			Future<Figures> previous = alongside(() -> figures(workspaceId, period.previous(), version));
			Figures now = figures(workspaceId, period, version);
			Figures before = join(previous);
			return sameAsLast("w:" + workspaceId + ":" + period, List.of(now, before), () -> {
				// the previous period's figures alone set the prior (when anyone spent
				// then): it stays the same while this period changes
				boolean history = history(before.people());
				Prior prior = sameAsLast("p:" + workspaceId + ":" + period, List.of(history ? before : now),
						() -> prior(now.people(), before.people(), history, "everyone", period));
				return new Snapshot(period, "everyone", now.people(), now.directory(), now.byName(), prior,
						this.properties.rules());
			});
		});
	}

	Snapshot team(Team team, Period period) {
		long version = this.versions.current(team.workspaceId());
		return cached("t:" + team.id() + ":" + team.memberIds().hashCode() + ":" + period + "@" + version, () -> {
			Figures all = figures(team.workspaceId(), period, version);
			Map<Long, PersonFigures> now = inTeam(all.people(), team);
			Map<Long, PersonFigures> before = inTeam(figures(team.workspaceId(), period.previous(), version).people(),
					team);
			Prior prior = prior(now, before, history(before), team.name(), period);
			return new Snapshot(period, team.name(), now, all.directory(), all.byName(), prior,
					this.properties.rules());
		});
	}

	/**
	 * One person's outcome credits in a window. Credits depend on the whole workspace's
	 * outcomes (a duplicate link counts for its first reporter only), so they are
	 * computed for everyone at once and cached like the figures: {@code /legends me},
	 * {@code why} and App Home ask for one person's trailing weeks on every request.
	 * @param workspaceId the person's workspace
	 * @param memberId the person
	 * @param window the window
	 * @return their credits
	 */
	List<OutcomeCredit> creditsOf(Long workspaceId, Long memberId, TimeWindow window) {
		return creditsByMember(workspaceId, window).getOrDefault(memberId, List.of());
	}

	/**
	 * Everyone's outcome credits in a window, cached like the figures.
	 * @param workspaceId the workspace
	 * @param window the window
	 * @return credits by member
	 */
	Map<Long, List<OutcomeCredit>> creditsByMember(Long workspaceId, TimeWindow window) {
		long version = this.versions.current(workspaceId);
		return cached("c:" + workspaceId + ":" + window.start() + "/" + window.end() + "@" + version,
				() -> this.credits.byMember(workspaceId, window));
	}

	/**
	 * Everyone's usage in a window, cached like the figures.
	 * @param workspaceId the workspace
	 * @param window the window
	 * @return usage by member
	 */
	Map<Long, UsageFigures> usageByMember(Long workspaceId, TimeWindow window) {
		// usage depends on no change but who owns which identity: kept across outcome
		// changes, opt-outs and the like (which only the boards' other inputs show)
		long version = this.versions.usage(workspaceId);
		return cached("u:" + workspaceId + ":" + window.start() + "/" + window.end() + "@" + version,
				() -> this.usage.byMember(workspaceId, window));
	}

	Map<Long, PersonFigures> people(Long workspaceId, Period period) {
		return figures(workspaceId, period, this.versions.current(workspaceId)).people();
	}

	/** How many values are cached (tests check that the cache stays bounded). */
	int size() {
		return this.cache.size();
	}

	/** Forget everything cached (benchmarks measure cold boards with it). */
	void clear() {
		this.cache.clear();
		this.last.invalidateAll();
	}

	/**
	 * The prior comes from the group's previous period, so that nothing a person spends
	 * in this period moves anyone else's figure; a group with no earlier spend uses this
	 * period's own figures.
	 */
	private Prior prior(Map<Long, PersonFigures> now, Map<Long, PersonFigures> before, boolean history, String scope,
			Period period) {
		return history
				? Efficiency.prior(List.copyOf(before.values()), this.properties.priorWeightUsd(),
						scope + ", " + period.previous().label())
				: Efficiency.prior(List.copyOf(now.values()), this.properties.priorWeightUsd(),
						scope + ", " + period.label() + " (no earlier spend to go by)");
	}

	/** Whether anyone in a group spent anything in a period. */
	private static boolean history(Map<Long, PersonFigures> people) {
		return people.values().stream().anyMatch((person) -> person.cost() > 0);
	}

	/**
	 * Start a computation on another thread (on this one when both are busy), refreshing
	 * what it uses afresh when this thread does.
	 */
	private <T> Future<T> alongside(Supplier<T> task) {
		boolean refreshing = REFRESHING.get();
		return this.alongside.submit(() -> {
			boolean before = REFRESHING.get();
			REFRESHING.set(refreshing);
			try {
				return task.get();
			}
			finally {
				REFRESHING.set(before);
			}
		});
	}

	private static <T> T join(Future<T> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while computing board figures", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private Figures figures(Long workspaceId, Period period, long version) {
		return cached("f:" + workspaceId + ":" + period + "@" + version, () -> {
			TimeWindow window = period.toWindow();
			Map<Long, UsageFigures> usage = usageByMember(workspaceId, window);
			Map<Long, List<OutcomeCredit>> credits = creditsByMember(workspaceId, window);
			Map<Long, Member> directory = this.members.directory(workspaceId);
			Map<Long, Integer> byName = sameAsLast("n:" + workspaceId, List.of(directory), () -> {
				Map<Long, String> names = new HashMap<>();
				directory.forEach((id, member) -> names.put(id, member.getDisplayName()));
				return Rankings.byName(names);
			});
			return sameAsLast("f:" + workspaceId + ":" + period, List.of(usage, credits, directory),
					() -> figures(usage, credits, directory, byName));
		});
	}

	private static Figures figures(Map<Long, UsageFigures> usage, Map<Long, List<OutcomeCredit>> credits,
			Map<Long, Member> directory, Map<Long, Integer> byName) {
		Map<Long, PersonFigures> people = new HashMap<>();
		directory.values().forEach((member) -> {
			List<OutcomeCredit> mine = credits.get(member.getId());
			UsageFigures used = usage.get(member.getId());
			if (mine != null || used != null) {
				people.put(member.getId(), Tally.person(member.getId(), member.getDisplayName(), member.isListed(),
						(mine != null) ? mine : List.of(), used));
			}
		});
		return new Figures(people, directory, byName);
	}

	/**
	 * What was computed last under this name, when it was computed from the very same
	 * inputs (a change version moved, but nothing this value depends on changed: the
	 * previous week after an outcome of this week was confirmed); else computed now.
	 */
	@SuppressWarnings("unchecked")
	private <T> T sameAsLast(String name, List<Object> inputs, Supplier<T> compute) {
		Last last = this.last.getIfPresent(name);
		if (last != null && last.inputs().size() == inputs.size()) {
			boolean same = true;
			for (int i = 0; i < inputs.size() && same; i++) {
				same = last.inputs().get(i) == inputs.get(i);
			}
			if (same) {
				return (T) last.value();
			}
		}
		T value = compute.get();
		this.last.put(name, new Last(inputs, value));
		return value;
	}

	private static Map<Long, PersonFigures> inTeam(Map<Long, PersonFigures> people, Team team) {
		Map<Long, PersonFigures> result = new HashMap<>();
		team.memberIds().forEach((id) -> {
			if (people.containsKey(id)) {
				result.put(id, people.get(id));
			}
		});
		return result;
	}

	/**
	 * The value under this key: computed once however many requests ask at the same
	 * moment. Once it is older than the cache TTL, it is computed again in the background
	 * while every request is served the previous value (usage keeps arriving, so the TTL
	 * only bounds how old usage figures get; a change that boards must show at once moves
	 * the change version, which is part of every key, so that no request is ever served
	 * figures from before it).
	 */
	@SuppressWarnings("unchecked")
	private <T> T cached(String key, Supplier<T> supplier) {
		Entry entry = this.cache.get(key);
		if (entry != null) {
			entry.used();
		}
		if (entry != null && !entry.expired()) {
			return (T) entry.value();
		}
		if (entry != null && !REFRESHING.get()) {
			refreshLater(key, supplier);
			return (T) entry.value();
		}
		synchronized (this.locks.computeIfAbsent(key, (k) -> new Object())) {
			entry = this.cache.get(key);
			if (entry == null || (entry.expired() && REFRESHING.get())) {
				// a background refresh computes what it uses afresh too
				entry = compute(key, supplier);
			}
		}
		if (this.cache.size() > MAX_ENTRIES) {
			forgetUnused();
		}
		return (T) entry.value();
	}

	private void refreshLater(String key, Supplier<?> supplier) {
		if (!this.refreshing.add(key)) {
			return;
		}
		try {
			this.refresher.execute(() -> {
				REFRESHING.set(true);
				try {
					synchronized (this.locks.computeIfAbsent(key, (k) -> new Object())) {
						compute(key, supplier);
					}
				}
				catch (RuntimeException ex) {
					DatabaseFailures.warn(logger,
							"Refreshing cached board figures failed; they are computed again on the next request", ex);
					this.cache.remove(key);
				}
				finally {
					REFRESHING.remove();
					this.refreshing.remove(key);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.refreshing.remove(key);
		}
	}

	private Entry compute(String key, Supplier<?> supplier) {
		Entry entry = new Entry(supplier.get(), System.nanoTime() + this.properties.cacheTtl().toNanos());
		this.cache.put(key, entry);
		return entry;
	}

	@Override
	public void destroy() {
		this.refresher.shutdownNow();
		this.alongside.shutdownNow();
	}

	/**
	 * Drop the entries no request used for a cache TTL (those of older versions are never
	 * used again), then the least recently used until at most {@link #MAX_ENTRIES} are
	 * left; never one in use, even when it is expired and being computed again (usage
	 * figures, used by every board after a change): at most once per
	 * {@link #SWEEP_NANOS}, so that a burst of changes does not make every use scan the
	 * cache.
	 */
	private void forgetUnused() {
		long now = System.nanoTime();
		long due = this.nextSweep.get();
		if (now - due < 0 || !this.nextSweep.compareAndSet(due, now + SWEEP_NANOS)) {
			return;
		}
		long ttl = this.properties.cacheTtl().toNanos();
		List<String> forgotten = new ArrayList<>();
		this.cache.entrySet()
			.removeIf((cached) -> now - cached.getValue().usedAt() > ttl && forgotten.add(cached.getKey()));
		int excess = this.cache.size() - MAX_ENTRIES;
		if (excess > 0) {
			this.cache.entrySet()
				.stream()
				.sorted(Comparator.comparingLong((Map.Entry<String, Entry> cached) -> cached.getValue().usedAt()))
				.limit(excess)
				.map(Map.Entry::getKey)
				.toList()
				.forEach((key) -> {
					this.cache.remove(key);
					forgotten.add(key);
				});
		}
		forgotten.forEach(this.locks::remove);
	}

	/** A cached value, when it expires and when a request last used it. */
	private static final class Entry {

		private final Object value;

		private final long expiresAt;

		private volatile long usedAt = System.nanoTime();

		Entry(Object value, long expiresAt) {
			this.value = value;
			this.expiresAt = expiresAt;
		}

		Object value() {
			return this.value;
		}

		long usedAt() {
			return this.usedAt;
		}

		void used() {
			this.usedAt = System.nanoTime();
		}

		boolean expired() {
			return System.nanoTime() - this.expiresAt > 0;
		}

	}

	private record Last(List<Object> inputs, Object value) {

	}

	/**
	 * A group's figures in a period.
	 *
	 * @param people each person's figures, for those with credits or usage
	 * @param directory the workspace's members they were computed for
	 * @param byName each member's place in name order (see {@link Rankings#byName})
	 */
	private record Figures(Map<Long, PersonFigures> people, Map<Long, Member> directory, Map<Long, Integer> byName) {

	}

}
