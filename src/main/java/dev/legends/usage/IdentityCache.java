package dev.legends.usage;

import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.legends.workspace.CacheEpochs;
import dev.legends.usage.UsageStore.IdentityRow;

import org.springframework.stereotype.Component;

/**
 * The identity rows seen lately (id and person), so that an ingest finds the identities
 * it names without a database read: sized for a company of 100,000 people with an email
 * and a Slack id each; a miss reads the database once. Filled only with committed rows,
 * and changed here whenever this instance changes a row's person.
 */
@Component
class IdentityCache {

	static final int MAX_ENTRIES = 200_000;

	private final Cache<Key, IdentityRow> rows = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

	/** Moves on every forget: a row read before one is not kept. */
	private final AtomicLong generation = new AtomicLong();

	IdentityCache(CacheEpochs epochs) {
		// an identity mapped on another instance (key map, a changed email) within a
		// second
		epochs.onBump(CacheEpochs.IDENTITIES, this::forgetAll);
	}

	IdentityRow get(Long workspaceId, UsageIdentity identity) {
		return this.rows.getIfPresent(new Key(workspaceId, identity));
	}

	/**
	 * The generation to pass to {@link #put} for rows about to be read.
	 * @return the generation now
	 */
	long generation() {
		return this.generation.get();
	}

	/**
	 * Keep a row read from the database, unless something was forgotten since it was read
	 * (then it may be stale).
	 */
	void put(long readAt, Long workspaceId, UsageIdentity identity, IdentityRow row) {
		Key key = new Key(workspaceId, identity);
		this.rows.put(key, row);
		if (this.generation.get() != readAt) {
			this.rows.invalidate(key);
		}
	}

	void forget(Long workspaceId, UsageIdentity identity) {
		this.generation.incrementAndGet();
		this.rows.invalidate(new Key(workspaceId, identity));
	}

	void forgetAll() {
		this.generation.incrementAndGet();
		this.rows.invalidateAll();
	}

	private record Key(Long workspaceId, UsageIdentity identity) {

	}

}
