package dev.legends.workspace;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value per workspace, read once per version (the change version; for what only depends
 * on people, the people version; for teams and goals, the team version): a change that
 * moves the version (on any instance) makes the next use read it again, so it is never
 * used stale. It is read again after a maximum age too, for what moves without a version
 * (a name or timezone from Slack's daily profile refresh).
 *
 * @param <T> the value
 */
public final class PerVersion<T> {

	private final ToLongFunction<Long> versions;

	private final Cache<Long, Entry<T>> entries;

	private final Object[] locks = new Object[64];

	PerVersion(ToLongFunction<Long> versions, int workspaces, Duration maxAge) {
		this.versions = versions;
		this.entries = Caffeine.newBuilder().maximumSize(workspaces).expireAfterWrite(maxAge).build();
		Arrays.setAll(this.locks, (i) -> new Object());
	}

	/**
	 * The workspace's value as of its current version.
	 * @param workspaceId the workspace
	 * @param read reads the value (after the version is read, so that a change committed
	 * meanwhile is in it and moves the version the next use sees)
	 * @return the value
	 */
	public T get(Long workspaceId, Supplier<T> read) {
		long version = this.versions.applyAsLong(workspaceId);
		Entry<T> known = this.entries.getIfPresent(workspaceId);
		if (known != null && known.version() == version) {
			return known.value();
		}
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// a thread in a transaction holds a connection: it never waits for another
			// thread's read; and a read inside a writing transaction may see its own
			// uncommitted change (and version), which a rollback would undo, so it is
			// not kept
			T value = read.get();
			if (mayKeep()) {
				this.entries.put(workspaceId, new Entry<>(version, value));
			}
			return value;
		}
		// threads that need the same workspace's value at once (and hold no connection)
		// read it once
		synchronized (this.locks[Math.floorMod(workspaceId.hashCode(), this.locks.length)]) {
			known = this.entries.getIfPresent(workspaceId);
			if (known != null && known.version() == version) {
				return known.value();
			}
			T value = read.get();
			this.entries.put(workspaceId, new Entry<>(version, value));
			return value;
		}
	}

	/**
	 * Whether what this thread reads now may be kept beyond its transaction: not when it
	 * is inside a writing one, which may see its own uncommitted change (and version)
	 * that a rollback would undo.
	 * @return whether it may be kept
	 */
	public static boolean mayKeep() {
		return !TransactionSynchronizationManager.isActualTransactionActive()
				|| TransactionSynchronizationManager.isCurrentTransactionReadOnly();
	}

	private record Entry<T>(long version, T value) {

	}

}
