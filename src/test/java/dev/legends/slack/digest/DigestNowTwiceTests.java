package dev.legends.slack.digest;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import dev.legends.testkit.Concurrently;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackCall;
import dev.legends.testkit.SlackMessages;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.TestClockConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /legends digest now} typed again while the first is still posting, or right
 * after: one digest, and a truthful answer to every command. The clock stands still, so
 * every command falls in the same minute.
 */
@LegendsAppTest
@Import(TestClockConfiguration.class)
class DigestNowTwiceTests {

	private static final int COMMANDS = 8;

	@Test
	void digestNowWhenTypedEightTimesAtOncePostsOnceAndTellsTheOthersWhere(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		String channel = "CTWICE" + team.teamId();

		List<String> answers = Concurrently
			.run(COMMANDS, (i) -> team.command(SlackTestClient.ADMIN_USER, "digest now", channel))
			.stream()
			.map(HttpResponse::body)
			.map(SlackMessages::visibleText)
			.toList();

		assertThat(answers).filteredOn((answer) -> answer.contains("Posting this week's digest so far")).hasSize(1);
		assertThat(answers).filteredOn((answer) -> answer.contains("already")).hasSize(COMMANDS - 1);
		SlackCall post = awaitPost(fake, channel);
		String again = againUntilRecorded(team, channel);
		assertThat(again).contains("already posted")
			.contains("https://legends-test.invalid/archives/" + channel + "/p"
					+ fake.messages(channel).get(0).get("ts").getAsString().replace(".", ""));
		assertThat(fake.calls("chat.postMessage")).filteredOn((call) -> channel.equals(call.param("channel")))
			.containsExactly(post);
	}

	/**
	 * {@code digest now} again once the post is in the channel: "being posted" until the
	 * ledger records the message (after the chart's upload), then "already posted".
	 */
	private static String againUntilRecorded(SlackTestClient team, String channel) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		String answer;
		do {
			answer = SlackMessages.visibleText(team.command(SlackTestClient.ADMIN_USER, "digest now", channel).body());
			assertThat(answer).contains("already");
		}
		while (answer.contains("being posted") && System.nanoTime() < deadline);
		return answer;
	}

	private static SlackCall awaitPost(FakeSlackApi fake, String channel) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			List<SlackCall> posts = fake
				.calls((call) -> call.method().equals("chat.postMessage") && channel.equals(call.param("channel")));
			if (!posts.isEmpty()) {
				return posts.get(0);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		throw new AssertionError("No digest posted in " + channel);
	}

}
