package dev.legends.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Finds, once per due time, the other schedules due at that same moment (many channels at
 * Monday 09:00), so that the first of their triggers to fire starts them all instead of
 * each waiting for its own turn in Quartz; the delivery ledger still keeps each to one
 * post. They come round-robin by channel, so that every channel's first digest is on its
 * way before any channel's second.
 */
@Component
class DueTogether implements DisposableBean {

	private static final Duration REMEMBERED = Duration.ofDays(1);

	private static final int THREADS = 8;

	private final DigestScheduleRepository schedules;

	private final Set<Instant> started = ConcurrentHashMap.newKeySet();

	private final ExecutorService starter = Executors.newFixedThreadPool(THREADS, (runnable) -> {
		Thread thread = new Thread(runnable, "legends-digest-due");
		thread.setDaemon(true);
		return thread;
	});

	DueTogether(DigestScheduleRepository schedules) {
		this.schedules = schedules;
	}

	/**
	 * Start one of the others (claim, compose, hand to the publisher) beside the rest:
	 * the first digest of every channel is then on its way within moments, even while
	 * some wait for Slack (a channel's members) or the database.
	 * @param run the start of one digest
	 */
	void start(Runnable run) {
		this.starter.execute(run);
	}

	@Override
	public void destroy() {
		this.starter.shutdownNow();
	}

	/**
	 * The schedules other than the fired one that are due at the same time, the first
	 * time this is asked for that time (empty afterwards).
	 * @param fired the schedule whose trigger fired
	 * @param due when it was due
	 * @return the others, round-robin by channel
	 */
	List<DigestSchedule> othersOnce(DigestSchedule fired, Instant due) {
		if (!this.started.add(due)) {
			return List.of();
		}
		this.started.removeIf((instant) -> instant.isBefore(due.minus(REMEMBERED)));
		Map<String, Deque<DigestSchedule>> byChannel = new LinkedHashMap<>();
		for (DigestSchedule schedule : this.schedules.findByStatusNot(ScheduleStatus.OFF)) {
			if (!schedule.getId().equals(fired.getId()) && DigestRunner.lastOccurrence(schedule, due).equals(due)) {
				byChannel.computeIfAbsent(schedule.getChannelId(), (channel) -> new ArrayDeque<>()).add(schedule);
			}
		}
		return roundRobin(byChannel);
	}

	private static List<DigestSchedule> roundRobin(Map<String, Deque<DigestSchedule>> byChannel) {
		List<DigestSchedule> ordered = new ArrayList<>();
		while (!byChannel.isEmpty()) {
			byChannel.values().removeIf((queue) -> {
				ordered.add(queue.poll());
				return queue.isEmpty();
			});
		}
		return ordered;
	}

}
