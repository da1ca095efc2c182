package dev.legends.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.legends.testkit.AppProcess;
import dev.legends.testkit.IngestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing answered 200 is lost when the app is killed: a JVM of its own ingests batches
 * one after another and is killed with SIGKILL right after a batch was answered (with the
 * next one in flight), then restarted on the same database. Every batch answered 200 is
 * there in full, none is there in part, and sending them all again adds nothing. Runs on
 * the default H2 file database and, when {@code LEGENDS_TEST_POSTGRES_URL} is set, on
 * PostgreSQL. The size of a run can be raised for a measurement, e.g.
 * {@code -Dlegends.faults.batches=40 -Dlegends.faults.records=5000 -Dlegends.faults.kill-after=13}.
 */
class CrashTests {

	private static final int BATCHES = Integer.getInteger("legends.faults.batches", 12);

	private static final int RECORDS = Integer.getInteger("legends.faults.records", 2000);

	private static final int KILL_AFTER = Integer.getInteger("legends.faults.kill-after", 4);

	@Test
	void ingestWhenKilledMidStreamOnH2KeepsEveryAnsweredBatchWhole(@TempDir Path dir) throws Exception {
		killMidStreamAndRestart("H2", FaultDatabases.h2(dir));
	}

	@Test
	void ingestWhenKilledMidStreamOnPostgresKeepsEveryAnsweredBatchWhole() throws Exception {
		killMidStreamAndRestart("PostgreSQL", FaultDatabases.postgresOrSkip());
	}

	private void killMidStreamAndRestart(String database, Map<String, String> environment) throws Exception {
		UsageStream stream = new UsageStream("crash-" + System.nanoTime(), RECORDS);
		try (AppProcess app = AppProcess.start(environment).awaitStarted()) {
			sendUntilKilled(app, stream);
		}
		try (AppProcess app = AppProcess.start(environment).awaitStarted()) {
			IngestClient client = app.ingest(UsageStream.KEY);
			List<Integer> acknowledged = stream.acknowledged();
			List<Integer> lost = new ArrayList<>();
			List<Integer> partial = new ArrayList<>();
			List<Integer> unansweredButStored = new ArrayList<>();
			for (int batch = 0; batch < stream.sent(); batch++) {
				int found = stream.resend(client, batch);
				if (found > 0 && found < RECORDS) {
					partial.add(batch);
				}
				else if (found == 0 && stream.acknowledged(batch)) {
					lost.add(batch);
				}
				else if (found == RECORDS && !stream.acknowledged(batch)) {
					unansweredButStored.add(batch);
				}
			}
			System.out.printf(
					"%s kill test: %d batches of %d records sent, %d answered 200, killed; after restart %d of them"
							+ " complete, lost %s, partial %s, stored though unanswered %s%n",
					database, stream.sent(), RECORDS, acknowledged.size(), acknowledged.size() - lost.size(), lost,
					partial, unansweredButStored);
			assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILL_AFTER);
			assertThat(lost).as("batches answered 200 but missing after the restart").isEmpty();
			assertThat(partial).as("batches stored in part").isEmpty();
			for (int batch = 0; batch < stream.sent(); batch++) {
				assertThat(stream.resend(client, batch)).as("batch %d sent a third time", batch).isEqualTo(RECORDS);
			}
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(stream.storedRecords(client, stream.sent()))
					.isEqualTo((long) stream.sent() * RECORDS));
		}
	}

	/**
	 * Send batches one after another from a thread of their own and kill the app as soon
	 * as {@link #KILL_AFTER} were answered 200, while the next one is on its way.
	 */
	private static void sendUntilKilled(AppProcess app, UsageStream stream) throws InterruptedException {
		IngestClient client = app.ingest(UsageStream.KEY);
		Semaphore answered = new Semaphore(0);
		Thread sender = new Thread(() -> {
			for (int batch = 0; batch < BATCHES; batch++) {
				int status = stream.send(client, batch);
				if (status == 200) {
					answered.release();
				}
				else {
					return;
				}
			}
		}, "crash-test-sender");
		sender.start();
		boolean enough = answered.tryAcquire(KILL_AFTER, 5, TimeUnit.MINUTES);
		app.kill();
		sender.join();
		assertThat(enough)
			.as("%d batches answered 200 before the kill:%n%s", KILL_AFTER, String.join("\n", app.output()))
			.isTrue();
	}

}
