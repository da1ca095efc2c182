package dev.legends.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.legends.testkit.AppProcess;
import dev.legends.testkit.IngestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A full disk under the H2 data folder (a small tmpfs): batches are answered 200 or a
 * clear 503, nothing answered 200 is lost and nothing is stored in part, health and
 * readiness say DOWN while the database cannot write, the log names the cause in a few
 * lines (no stack traces), and once there is room again the app works again without a
 * restart.
 */
class DiskFullTests {

	private static final int RECORDS = 1000;

	private static final int CHUNK = 64 * 1024;

	@Test
	void ingestWhenDiskFillsAnswers503KeepsEveryAnsweredBatchAndRecoversWithoutRestart(@TempDir Path parent)
			throws Exception {
		Path dir = Files.createDirectory(parent.resolve("data"));
		try (Tmpfs mount = Tmpfs.mountOrSkip(dir, "size=32m");
				AppProcess app = AppProcess.start(FaultDatabases.h2(dir)).awaitStarted()) {
			IngestClient client = app.ingest(UsageStream.KEY);
			UsageStream stream = new UsageStream("full-" + System.nanoTime(), RECORDS);
			assertThat(status(client, "/actuator/health/readiness")).isEqualTo(200);
			Path ballast = dir.resolve("ballast");
			fill(ballast, Files.getFileStore(dir).getUsableSpace() - 2 * 1024 * 1024);
			List<Integer> statuses = new ArrayList<>();
			while (statuses.size() < 40 && !statuses.contains(503)) {
				statuses.add(stream.send(client, statuses.size()));
			}
			fill(dir.resolve("ballast-rest"), Long.MAX_VALUE);
			statuses.add(stream.send(client, statuses.size()));
			System.out.println("Disk-full test: answers while filling up " + statuses);
			assertThat(statuses).containsOnly(200, 503).endsWith(503, 503);
			assertThat(status(client, "/actuator/health/readiness")).isEqualTo(503);
			assertThat(client.get("/actuator/health").body()).contains("\"status\":\"DOWN\"");
			String log = String.join("\n", app.output());
			assertThat(log).as("the app's log while the disk is full")
				.contains("the database could not store it", "No space left on device")
				.doesNotContain("\tat ");

			Files.delete(ballast);
			Files.delete(dir.resolve("ballast-rest"));
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(status(client, "/actuator/health/readiness")).isEqualTo(200));
			for (int batch = 0; batch < stream.sent(); batch++) {
				int found = stream.resend(client, batch);
				assertThat(found).as("records of batch %d found after the disk had room again", batch)
					.isIn(stream.acknowledged(batch) ? List.of(RECORDS) : List.of(0, RECORDS));
			}
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(stream.storedRecords(client, stream.sent()))
					.isEqualTo((long) stream.sent() * RECORDS));
			assertThat(String.join("\n", app.output())).as("the app's log through the outage and the recovery")
				.doesNotContain("\tat ");
		}
	}

	private static int status(IngestClient client, String path) {
		HttpResponse<String> response = client.get(path);
		return response.statusCode();
	}

	/**
	 * Write a file of zeros until it has the given size or the disk is full.
	 */
	private static void fill(Path file, long size) throws IOException {
		byte[] chunk = new byte[CHUNK];
		long written = 0;
		try (OutputStream out = Files.newOutputStream(file)) {
			while (written < size) {
				out.write(chunk, 0, (int) Math.min(CHUNK, size - written));
				written += CHUNK;
			}
		}
		catch (IOException ex) {
			if (size != Long.MAX_VALUE) {
				throw ex;
			}
		}
	}

}
