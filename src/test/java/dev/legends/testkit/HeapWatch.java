package dev.legends.testkit;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap of this JVM over a benchmark run, sampled every 20 ms on a thread of its own:
 * the most it held at once (live data and garbage not collected yet), the most that was
 * still in use right after a collection (the live data: what must fit in the heap), and
 * the share of the run spent collecting. (Adding each pool's own peak, taken at different
 * moments, overstates the peak: a pool's peak is usually reached just before a collection
 * empties it into another.)
 */
public final class HeapWatch implements AutoCloseable {

	private static final long MB = 1024 * 1024;

	private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans()
		.stream()
		.filter((pool) -> pool.getType() == MemoryType.HEAP)
		.toList();

	private final AtomicLong highestUsed = new AtomicLong();

	private final AtomicLong highestAfterCollection = new AtomicLong();

	private final long started = System.nanoTime();

	private final long collectionMillisBefore = collectionMillis();

	private final Thread sampler;

	private volatile boolean running = true;

	private HeapWatch() {
		this.sampler = new Thread(this::sample, "heap-watch");
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	/**
	 * Start watching.
	 * @return the watch
	 */
	public static HeapWatch start() {
		return new HeapWatch();
	}

	private void sample() {
		while (this.running) {
			long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			this.highestUsed.accumulateAndGet(used, Math::max);
			long afterCollection = 0;
			for (MemoryPoolMXBean pool : this.pools) {
				MemoryUsage usage = pool.getCollectionUsage();
				afterCollection += (usage != null) ? usage.getUsed() : 0;
			}
			this.highestAfterCollection.accumulateAndGet(afterCollection, Math::max);
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/**
	 * One line with the figures so far.
	 * @return e.g. "heap: max 512 MB; highest used 498 MB; highest after a collection
	 * (live data) 161 MB; collecting 3.1% of the time"
	 */
	public String summary() {
		double elapsedMillis = (System.nanoTime() - this.started) / 1e6;
		return String.format(Locale.ROOT,
				"heap: max %,d MB; highest used %,d MB (sampled every 20 ms); highest after a collection "
						+ "(live data) %,d MB; collecting %.1f%% of the time",
				Runtime.getRuntime().maxMemory() / MB, this.highestUsed.get() / MB,
				this.highestAfterCollection.get() / MB,
				100.0 * (collectionMillis() - this.collectionMillisBefore) / elapsedMillis);
	}

	private static long collectionMillis() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(GarbageCollectorMXBean::getCollectionTime)
			.filter((time) -> time > 0)
			.sum();
	}

	@Override
	public void close() {
		this.running = false;
		this.sampler.interrupt();
	}

}
