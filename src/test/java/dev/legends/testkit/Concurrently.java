package dev.legends.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Fires the same kind of request from several threads at once (all released together from
 * a start gate), the way a double click, a retrying collector or several clients do.
 */
public final class Concurrently {

	private Concurrently() {
	}

	/**
	 * Run {@code count} tasks at once and wait for all of them.
	 * @param count how many
	 * @param task the task, given its index
	 * @param <T> what a task answers
	 * @return the answers, in index order
	 */
	public static <T> List<T> run(int count, IntFunction<T> task) {
		ExecutorService executor = Executors.newFixedThreadPool(count);
		CountDownLatch gate = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(executor.submit(() -> {
					gate.await();
					return task.apply(index);
				}));
			}
			gate.countDown();
			List<T> answers = new ArrayList<>();
			for (Future<T> future : futures) {
				answers.add(future.get());
			}
			return answers;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			executor.shutdownNow();
		}
	}

}
