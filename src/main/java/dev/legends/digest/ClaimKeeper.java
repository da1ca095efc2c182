package dev.legends.digest;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps digest claims moving across instances: every third of the claim lease it renews
 * this instance's claims in flight and takes over the claims whose lease ran out (their
 * instance died), so a dead instance's digests post within about a lease and a third. On
 * shutdown, after Quartz stopped firing, it lets the digests in flight finish within the
 * shutdown grace and releases what is left to the other instances.
 */
@Component
class ClaimKeeper implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ClaimKeeper.class);

	/** After the web server's graceful shutdown, before the beans are destroyed. */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

	private static final Duration DRAIN_POLL = Duration.ofMillis(100);

	private final DeliveryLedger ledger;

	private final DigestRunner runner;

	private final DigestScheduleRepository schedules;

	private final DigestProperties properties;

	private ScheduledExecutorService executor;

	private volatile boolean running;

	ClaimKeeper(DeliveryLedger ledger, DigestRunner runner, DigestScheduleRepository schedules,
			DigestProperties properties) {
		this.ledger = ledger;
		this.runner = runner;
		this.schedules = schedules;
		this.properties = properties;
	}

	@Override
	public void start() {
		long period = Math.max(1, this.properties.claimLease().toMillis() / 3);
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "legends-digest-claims");
			thread.setDaemon(true);
			return thread;
		});
		this.executor.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
		this.running = true;
	}

	/** Renew this instance's leases, then take over the abandoned claims. */
	void tick() {
		try {
			this.ledger.renew();
			for (DeliveryLedger.Pending pending : this.ledger.abandoned()) {
				if (!this.running) {
					return;
				}
				this.schedules.findById(pending.scheduleId()).ifPresent((schedule) -> {
					logger.info("Taking over the digest of schedule {} for {}: its claim's lease ran out",
							schedule.getId(), pending.periodKey());
					this.runner.run(schedule, DigestPeriod.parse(pending.periodKey(), schedule.getZoneId()));
				});
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not renew or take over digest claims; trying again in {}",
					this.properties.claimLease().dividedBy(3), ex);
		}
	}

	@Override
	public void stop() {
		this.running = false;
		this.executor.shutdown();
		long deadline = System.nanoTime() + this.properties.shutdownGrace().toNanos();
		int waitingFor = this.ledger.inFlight();
		if (waitingFor > 0) {
			logger.info("Stopping: letting {} digest(s) in flight finish (up to {})", waitingFor,
					this.properties.shutdownGrace());
		}
		long renewed = System.nanoTime();
		while (this.ledger.inFlight() > 0 && System.nanoTime() < deadline) {
			sleep(DRAIN_POLL);
			if (System.nanoTime() - renewed > this.properties.claimLease().toNanos() / 3) {
				this.ledger.renew();
				renewed = System.nanoTime();
			}
		}
		int released = this.ledger.releaseInFlight();
		if (released > 0) {
			logger.info("Stopping: released {} digest claim(s) to the other instances", released);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
