package dev.legends.slack;

import com.slack.api.bolt.App;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A bare Bolt handler that acks "ok" at once: the floor that {@code ScoringBenchmark}
 * compares {@code /legends top} against. Registered only when
 * {@code legends.benchmark.floor=true}.
 */
@Component
@ConditionalOnProperty("legends.benchmark.floor")
class BenchmarkFloorCommand implements SlackFeature {

	/** The test-only slash command. */
	static final String COMMAND = "/legends-floor";

	@Override
	public void register(App app) {
		app.command(COMMAND, (request, ctx) -> ctx.ack("ok"));
	}

}
