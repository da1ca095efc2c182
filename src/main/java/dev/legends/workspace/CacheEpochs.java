package dev.legends.workspace;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps per-instance caches right when several instances share one database. A change
 * that makes cached entries wrong everywhere (a revoked ingest key, an identity mapped to
 * another person) bumps its cache's epoch in the database; every instance reads the
 * epochs once a second and drops a cache whose epoch moved, so such a change reaches
 * every instance within about a second (the instance that made it drops its entries at
 * once). This runs on every instance by design: it keeps that instance's own memory
 * right, unlike periodic jobs, which Quartz runs once per cluster.
 */
@Component
public class CacheEpochs implements SmartLifecycle {

	/** Ingest keys by hash: bumped when a key is revoked. */
	public static final String INGEST_KEYS = "ingest_keys";

	/** Usage identities and the person each is filed under. */
	public static final String IDENTITIES = "identities";

	/**
	 * Enterprise Grid: which org each workspace (team id) of an org-wide install is in.
	 */
	public static final String ORG_TEAMS = "org_teams";

	/** Which workspaces have any coding activity: bumped when activity is imported. */
	public static final String CODING_ACTIVITY = "coding_activity";

	/** How often each instance reads the epochs. */
	static final Duration POLL = Duration.ofSeconds(1);

	private static final Logger logger = LoggerFactory.getLogger(CacheEpochs.class);

	private final JdbcTemplate jdbc;

	private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();

	private final Map<String, Long> seen = new ConcurrentHashMap<>();

	private volatile ScheduledExecutorService poller;

	CacheEpochs(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Record a change that makes the named cache wrong on every instance (call it in the
	 * change's transaction, or after it committed).
	 * @param cache {@link #INGEST_KEYS}, {@link #IDENTITIES}, {@link #ORG_TEAMS} or
	 * {@link #CODING_ACTIVITY}
	 */
	public void bump(String cache) {
		this.jdbc.update("update cache_epoch set version = version + 1 where name = ?", cache);
	}

	/**
	 * Run the given action whenever another instance (or this one) bumped the named
	 * cache.
	 * @param cache the cache's name
	 * @param drop what drops this instance's entries
	 */
	public void onBump(String cache, Runnable drop) {
		this.listeners.computeIfAbsent(cache, (name) -> new CopyOnWriteArrayList<>()).add(drop);
	}

	@EventListener
	void on(MemberProfileChanged event) {
		bump(IDENTITIES);
	}

	/**
	 * Read the epochs now and drop every cache whose epoch moved since the last read.
	 */
	void poll() {
		this.jdbc.query("select name, version from cache_epoch", (rs) -> {
			String name = rs.getString(1);
			long version = rs.getLong(2);
			Long before = this.seen.put(name, version);
			if (before != null && before != version) {
				this.listeners.getOrDefault(name, List.of()).forEach(Runnable::run);
			}
		});
	}

	private void pollQuietly() {
		try {
			poll();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the cache epochs; trying again in {}", POLL, ex);
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "legends-cache-epochs");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::pollQuietly, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
		this.poller = executor;
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.poller;
		this.poller = null;
		if (executor != null) {
			executor.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.poller != null;
	}

}
