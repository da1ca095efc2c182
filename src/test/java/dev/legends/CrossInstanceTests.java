package dev.legends;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.IngestClient;
import dev.legends.testkit.RunningApp;
import dev.legends.testkit.SlackCall;
import dev.legends.testkit.SlackMessages;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;
import dev.legends.usage.UsageLedger;
import dev.legends.workspace.ChangeVersions;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one database: a change made on one (an opt-out) is never served stale
 * by the other, not on its boards and not in what it shares to a channel; App Home opened
 * on one is kept fresh by either.
 */
class CrossInstanceTests {

	private static RunningApp first;

	private static RunningApp second;

	@BeforeAll
	static void startTwoInstances() {
		String url = "jdbc:h2:mem:legends-two-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		first = RunningApp.start(Map.of("LEGENDS_DB_URL", url, "spring.quartz.scheduler-name", "legends-two-a"));
		second = RunningApp.start(Map.of("LEGENDS_DB_URL", url, "spring.quartz.scheduler-name", "legends-two-b"));
	}

	@AfterAll
	static void stop() {
		second.close();
		first.close();
	}

	@Test
	void optoutWhenMadeOnOneInstanceIsNeverListedOrSharedByTheOther() {
		FakeSlackApi fake = FakeSlackApi.shared();
		SlackTestClient onFirst = first.slack().inNewTeam();
		SlackTestClient onSecond = onFirst.at(second.port());
		fake.addUser(SlackUser.of("UXOPT1", "Private Priya"));
		fake.addUser(SlackUser.of("UXOPT2", "Curious Cole"));
		onFirst.command("UXOPT1", "help");
		onFirst.command("UXOPT2", "help");
		Long workspace = first.bean(Members.class).workspace(onFirst.teamId()).getId();
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
		first.bean(UsageLedger.class)
			.ingest(workspace, List.of(new UsageInput(null, UsageIdentity.slackId("UXOPT1"), "claude-code",
					"claude-sonnet-4-5", hour, hour, 1_000_000, 0, 0, 0, 0, 1, null)));
		String board = onSecond.command("UXOPT2", "top usage").body();
		assertThat(SlackMessages.visibleText(board)).contains("Private Priya");

		onFirst.command("UXOPT1", "optout");

		assertThat(SlackMessages.visibleText(onSecond.command("UXOPT2", "top usage").body()))
			.doesNotContain("Private Priya");
		int before = fake.calls("response_url").size();
		assertThat(onSecond.blockAction("UXOPT2", "board_share", SlackMessages.firstButtonValue(board)).statusCode())
			.isEqualTo(200);
		List<SlackCall> posts = fake.awaitCalls("response_url", before + 1, Duration.ofSeconds(10));
		String shared = SlackMessages.visibleText(posts.get(posts.size() - 1).body());
		assertThat(shared).contains("Shared by Curious Cole").doesNotContain("Private Priya");
	}

	@Test
	void keyWhenRevokedOnOneInstanceIsRefusedByTheOtherWithinTwoSeconds() {
		SlackTestClient onFirst = first.slack().inNewTeam();
		IngestClient keyOnSecond = IngestClient.withNewKey(onFirst, "laptop-x").withBaseUrl(onFirst.at(second.port()));
		String summary = "/api/v1/usage/summary?start=2026-11-23T00:00:00Z&end=2026-11-30T00:00:00Z";
		assertThat(keyOnSecond.get(summary).statusCode()).as("the key works on the second instance (and is cached)")
			.isEqualTo(200);

		assertThat(SlackMessages.visibleText(onFirst.command(SlackTestClient.ADMIN_USER, "key revoke laptop-x").body()))
			.contains("laptop-x");
		long revoked = System.nanoTime();

		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> keyOnSecond.get(summary).statusCode() == 401);
		Duration late = Duration.ofNanos(System.nanoTime() - revoked);
		assertThat(late).as("the revocation reached the second instance").isLessThan(Duration.ofSeconds(2));
		assertThat(keyOnSecond.get(summary).statusCode()).isEqualTo(401);
	}

	@Test
	void homeWhenOpenedOnOneInstanceIsKnownToTheOther() throws InterruptedException {
		SlackTestClient onFirst = first.slack().inNewTeam();
		FakeSlackApi.shared().addUser(SlackUser.of("UXHOME1", "Homey Hana"));
		assertThat(onFirst.appHomeOpened("UXHOME1").statusCode()).isEqualTo(200);
		Long member = first.bean(Members.class).member(onFirst.teamId(), "UXHOME1").getId();

		ChangeVersions onSecond = second.bean(ChangeVersions.class);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (onSecond.withHome(List.of(member)).isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}

		assertThat(onSecond.withHome(List.of(member))).containsExactly(member);
	}

}
