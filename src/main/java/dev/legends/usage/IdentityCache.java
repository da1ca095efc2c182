package dev.legends.usage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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

	IdentityRow get(Long workspaceId, UsageIdentity identity) {
		return this.rows.getIfPresent(new Key(workspaceId, identity));
	}

	void put(Long workspaceId, UsageIdentity identity, IdentityRow row) {
		this.rows.put(new Key(workspaceId, identity), row);
	}

	void forget(Long workspaceId, UsageIdentity identity) {
		this.rows.invalidate(new Key(workspaceId, identity));
	}

	private record Key(Long workspaceId, UsageIdentity identity) {

	}

}
