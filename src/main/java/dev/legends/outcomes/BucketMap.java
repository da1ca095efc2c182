package dev.legends.outcomes;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An unmodifiable map by id whose edited copy shares every part the edit did not touch:
 * its entries are spread over {@value #BUCKETS} buckets, and an edit copies only the
 * buckets it writes to. A window's credits are copied after every outcome change (a few
 * entries change out of thousands), which a plain copy of each map made the biggest cost
 * of a board after a change.
 *
 * @param <V> the type of the values
 */
final class BucketMap<V> extends AbstractMap<Long, V> {

	private static final int BUCKETS = 64;

	private static final BucketMap<?> EMPTY = new BucketMap<>(emptyBuckets(), 0);

	private final Map<Long, V>[] buckets;

	private final int size;

	private BucketMap(Map<Long, V>[] buckets, int size) {
		this.buckets = buckets;
		this.size = size;
	}

	/**
	 * A map with no entries.
	 * @param <V> the type of the values
	 * @return the map
	 */
	@SuppressWarnings("unchecked")
	static <V> BucketMap<V> empty() {
		return (BucketMap<V>) EMPTY;
	}

	/**
	 * A map with the same entries as another.
	 * @param <V> the type of the values
	 * @param entries the entries
	 * @return the map
	 */
	static <V> BucketMap<V> of(Map<Long, V> entries) {
		Edit<V> edit = BucketMap.<V>empty().edit();
		entries.forEach(edit::put);
		return edit.done();
	}

	/**
	 * Start an edited copy of this map (this map does not change).
	 * @return the edit
	 */
	Edit<V> edit() {
		return new Edit<>(this);
	}

	@Override
	public V get(Object key) {
		return (key instanceof Long id) ? bucket(id).get(id) : null;
	}

	@Override
	public boolean containsKey(Object key) {
		return (key instanceof Long id) && bucket(id).containsKey(id);
	}

	@Override
	public V getOrDefault(Object key, V defaultValue) {
		V value = get(key);
		return (value != null || containsKey(key)) ? value : defaultValue;
	}

	@Override
	public int size() {
		return this.size;
	}

	@Override
	public void forEach(BiConsumer<? super Long, ? super V> action) {
		for (Map<Long, V> bucket : this.buckets) {
			bucket.forEach(action);
		}
	}

	@Override
	public Set<Entry<Long, V>> entrySet() {
		return new AbstractSet<>() {

			@Override
			public Iterator<Entry<Long, V>> iterator() {
				return Arrays.stream(BucketMap.this.buckets)
					.flatMap((bucket) -> Collections.unmodifiableMap(bucket).entrySet().stream())
					.iterator();
			}

			@Override
			public int size() {
				return BucketMap.this.size;
			}

		};
	}

	private Map<Long, V> bucket(Long id) {
		return this.buckets[index(id)];
	}

	private static int index(Long id) {
		return Long.hashCode(id) & (BUCKETS - 1);
	}

	@SuppressWarnings("unchecked")
	private static <V> Map<Long, V>[] emptyBuckets() {
		Map<Long, V>[] buckets = new Map[BUCKETS];
		Arrays.fill(buckets, Map.of());
		return buckets;
	}

	/**
	 * An edited copy of a map in the making: each bucket is copied on its first write.
	 *
	 * @param <V> the type of the values
	 */
	static final class Edit<V> {

		private final Map<Long, V>[] buckets;

		private final boolean[] copied = new boolean[BUCKETS];

		private int size;

		private Edit(BucketMap<V> from) {
			this.buckets = from.buckets.clone();
			this.size = from.size;
		}

		/**
		 * Put an entry.
		 * @param id the key
		 * @param value the value
		 */
		void put(Long id, V value) {
			if (writable(id).put(id, value) == null) {
				this.size++;
			}
		}

		/**
		 * Remove an entry, if there is one.
		 * @param id the key
		 */
		void remove(Long id) {
			if (this.buckets[index(id)].containsKey(id) && writable(id).remove(id) != null) {
				this.size--;
			}
		}

		/**
		 * The edited map (the edit is not used after).
		 * @return the map
		 */
		BucketMap<V> done() {
			return new BucketMap<>(this.buckets, this.size);
		}

		private Map<Long, V> writable(Long id) {
			int index = index(id);
			if (!this.copied[index]) {
				this.buckets[index] = new HashMap<>(this.buckets[index]);
				this.copied[index] = true;
			}
			return this.buckets[index];
		}

	}

}
