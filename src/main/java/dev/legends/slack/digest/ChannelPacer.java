package dev.legends.slack.digest;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Posts to each channel one at a time, at most one call per interval per channel (Slack's
 * ~1 message/second/channel), and waits out a {@code Retry-After} without holding a
 * thread: channels proceed independently, so one slow or rate-limited channel never
 * delays another.
 */
final class ChannelPacer {

	private final Duration interval;

	private final ScheduledExecutorService executor;

	private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

	ChannelPacer(Duration interval, ScheduledExecutorService executor) {
		this.interval = interval;
		this.executor = executor;
	}

	/**
	 * Queue a call for a channel.
	 * @param <T> the result type
	 * @param channel the channel
	 * @param attempt the call; it may ask to be retried after a delay
	 * @return the final result
	 */
	<T> CompletableFuture<T> submit(String channel, Attempt<T> attempt) {
		Task<T> task = new Task<>(attempt, new CompletableFuture<>());
		Lane lane = this.lanes.computeIfAbsent(channel, (key) -> new Lane());
		synchronized (lane) {
			lane.queue.add(task);
			if (!lane.running) {
				lane.running = true;
				scheduleHead(lane);
			}
		}
		return task.result();
	}

	private void scheduleHead(Lane lane) {
		long delay = Math.max(0, lane.nextAllowed - System.nanoTime());
		this.executor.schedule(() -> runHead(lane), delay, TimeUnit.NANOSECONDS);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void runHead(Lane lane) {
		Task task;
		synchronized (lane) {
			task = lane.queue.peek();
		}
		Step<?> step;
		try {
			step = task.attempt().run();
		}
		catch (RuntimeException ex) {
			step = null;
			task.result().completeExceptionally(ex);
		}
		long now = System.nanoTime();
		synchronized (lane) {
			if (step != null && step.retryAfter() != null) {
				lane.nextAllowed = now + Math.max(step.retryAfter().toNanos(), this.interval.toNanos());
				scheduleHead(lane);
				return;
			}
			lane.queue.poll();
			lane.nextAllowed = now + this.interval.toNanos();
			if (lane.queue.isEmpty()) {
				lane.running = false;
			}
			else {
				scheduleHead(lane);
			}
		}
		if (step != null) {
			task.result().complete(step.value());
		}
	}

	/**
	 * One call to Slack.
	 *
	 * @param <T> the result type
	 */
	@FunctionalInterface
	interface Attempt<T> {

		/**
		 * Make the call once.
		 * @return the result, or a request to retry after a delay
		 */
		Step<T> run();

	}

	/**
	 * What one attempt came to.
	 *
	 * @param <T> the result type
	 * @param value the result, when done
	 * @param retryAfter the delay before trying again, when not done
	 */
	record Step<T>(T value, Duration retryAfter) {

		static <T> Step<T> done(T value) {
			return new Step<>(value, null);
		}

		static <T> Step<T> retryAfter(Duration delay) {
			return new Step<>(null, delay);
		}

	}

	private record Task<T>(Attempt<T> attempt, CompletableFuture<T> result) {

	}

	private static final class Lane {

		private final Deque<Task<?>> queue = new ArrayDeque<>();

		private boolean running;

		private long nextAllowed = System.nanoTime();

	}

}
