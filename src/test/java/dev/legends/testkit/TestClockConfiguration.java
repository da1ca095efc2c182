package dev.legends.testkit;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Gives the app a {@link MutableClock} (import it with {@code @Import}); it starts at
 * {@link #START}. Tests that move it put it back.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	/** Monday 23 November 2026, 08:00 UTC (09:00 in Paris). */
	public static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

	@Bean
	MutableClock clock() {
		return new MutableClock(START);
	}

}
