package dev.legends;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import dev.legends.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refused requests are logged in at most one short line a minute, with a count.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusalLogTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

	private final RefusalLog log = new RefusalLog(this.clock);

	@AfterEach
	void stop() {
		this.log.destroy();
	}

	@Test
	void refusedWhenFirstInAMinuteIsLoggedAtOnceWithItsReason(CapturedOutput output) {
		this.log.refused("401 POST /slack/events", "timestamp more than 5 minutes old");
		assertThat(lines(output, "Refused")).singleElement()
			.asString()
			.contains("401 POST /slack/events")
			.contains("timestamp more than 5 minutes old");
	}

	@Test
	void refusedWhenManyWithinAMinuteWritesOneSummaryLineWithTheCount(CapturedOutput output) {
		for (int i = 0; i < 100; i++) {
			this.clock.advance(Duration.ofMillis(15));
			this.log.refused("401 GET /api/v1/usage/summary", null);
		}
		this.log.refused("400 GET /api/v1/usage/summary", "start is not valid URL encoding");
		assertThat(lines(output, "Refused")).hasSize(1);
		this.clock.advance(Duration.ofMinutes(1));
		this.log.flush();
		assertThat(lines(output, "Refused")).hasSize(2);
		assertThat(lines(output, "Refused")[1]).contains("Refused 100 more requests in the last minute")
			.contains("99 x 401 GET /api/v1/usage/summary")
			.contains("1 x 400 GET /api/v1/usage/summary")
			.contains("start is not valid URL encoding");
		assertThat(String.join("\n", lines(output, "Refused")).length()).isLessThan(600);
	}

	@Test
	void refusedWhenAMinuteHasPassedSinceTheLastLineIsLoggedAgain(CapturedOutput output) {
		this.log.refused("404 GET /nowhere", null);
		this.clock.advance(Duration.ofSeconds(61));
		this.log.refused("404 GET /nowhere", null);
		assertThat(lines(output, "Refused")).hasSize(2);
	}

	private static String[] lines(CapturedOutput output, String containing) {
		return Arrays.stream(output.toString().split("\n"))
			.filter((line) -> line.contains(containing))
			.toArray(String[]::new);
	}

}
