package dev.legends;

import dev.legends.testkit.IngestClient;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator alerts on is measured: answer time per command, ingest accepted and
 * refused, digests pending and in flight, rollups pending.
 */
@LegendsAppTest
class LegendsMetricsTests {

	@Autowired
	MeterRegistry registry;

	@Test
	void metricsWhenCommandsAndIngestArriveCountThemPerCommandAndResult(SlackTestClient slack) {
		long helpBefore = ackCount("help");
		slack.command("UMETRICS1", "help");
		slack.command("UMETRICS1", "top");
		new IngestClient(slack.baseUrl(), "lgk_not_a_key").postJson("/api/v1/usage", "{\"records\":[]}");

		assertThat(ackCount("help")).isEqualTo(helpBefore + 1);
		assertThat(ackCount("top")).isPositive();
		assertThat(
				this.registry.find("legends.ingest.requests").tag("result", "refused").tag("status", "401").counter())
			.isNotNull();
		assertThat(this.registry.find("legends.digest.pending").gauge().value()).isGreaterThanOrEqualTo(0);
		assertThat(this.registry.find("legends.digest.claims.in.flight").gauge()).isNotNull();
		assertThat(this.registry.find("legends.rollups.pending").gauge().value()).isGreaterThanOrEqualTo(0);
	}

	private long ackCount(String command) {
		io.micrometer.core.instrument.Timer timer = this.registry.find("legends.slack.ack")
			.tag("command", command)
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

}
