package dev.legends.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackTestClient;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fan-out: many schedules due in the same minute, fired by their Quartz CronTriggers,
 * against a fake Web API that allows one message per second per channel (429 otherwise)
 * and answers a share of posts with a random 429. Prints the figures; run with
 * {@code mvn -Pbenchmark test -Dtest=DigestFanoutBenchmark} (sizes:
 * {@code -Dbench.schedules=1000 -Dbench.channels=50 -Dbench.random429=0.02}).
 */
@Tag("benchmark")
@LegendsAppTest
class DigestFanoutBenchmark {

	static final List<String> PEOPLE = List.of("UFAN1", "UFAN2", "UFAN3", "UFAN4");

	@Autowired
	DigestSchedules schedules;

	@Autowired
	Members members;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void fanOutWhenManySchedulesDueTogetherDeliversEachOnceWithinTheLimits(SlackTestClient slack, FakeSlackApi fake)
			throws Exception {
		int count = Integer.getInteger("bench.schedules", 1000);
		int channels = Integer.getInteger("bench.channels", 50);
		double random429 = Double.parseDouble(System.getProperty("bench.random429", "0.02"));
		int workspaces = (count + channels - 1) / channels;
		// every schedule is due at the same minute, a few minutes ahead (after the setup)
		Instant due = Instant.now()
			.plus(Duration.ofMinutes(Long.getLong("bench.leadMinutes", 3)))
			.truncatedTo(ChronoUnit.MINUTES);
		ZonedDateTime dueUtc = due.atZone(ZoneOffset.UTC);
		List<Long> ids = new ArrayList<>();
		long setupStart = System.nanoTime();
		for (int w = 0; w < workspaces && ids.size() < count; w++) {
			// the channels are shared by the workspaces (Slack Connect), so each channel
			// gets
			// one digest per workspace and they all compete for its one message per
			// second
			String team = "TFAN" + w + "X" + System.nanoTime();
			Member owner = this.members.member(team, SlackTestClient.ADMIN_USER);
			PEOPLE.forEach((person) -> this.members.member(team, person));
			for (int c = 0; c < channels && ids.size() < count; c++) {
				DigestSchedule schedule = this.schedules.save(owner.getWorkspaceId(), "CFAN" + c,
						new ScheduleSettings(null, dueUtc.getDayOfWeek(), dueUtc.toLocalTime(), ZoneOffset.UTC,
								EnumSet.complementOf(EnumSet.of(DigestSection.CHART)), owner.getId()));
				ids.add(schedule.getId());
			}
		}
		System.out.printf("setup: %d schedules in %.1f s, all due at %s%n", count,
				(System.nanoTime() - setupStart) / 1e9, due);
		assertThat(Instant.now()).as("setup must end before the due minute; raise -Dbench.leadMinutes").isBefore(due);
		fake.reset();
		fake.limitChannels(Duration.ofSeconds(1), random429, 42);
		// a digest without a team covers its channel's members: the owner and four others
		List<String> channelMembers = new ArrayList<>(PEOPLE);
		channelMembers.add(SlackTestClient.ADMIN_USER);
		for (int c = 0; c < channels; c++) {
			fake.setChannelMembers("CFAN" + c, channelMembers);
		}
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()));
		long start = System.nanoTime();
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (posted() < count && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		FakeSlackApi.ChannelLimits limits = fake.channelLimits();
		double required = limits.requiredSeconds();
		System.out.printf("fan-out: %d schedules in %d workspaces over %d shared channels, random 429 share %.2f%n",
				count, workspaces, channels, random429);
		System.out.printf("all delivered %.2f s after the due minute%n", elapsed);
		System.out.printf("posts accepted %d, 429 for pacing violations %d, random 429 %d%n", limits.accepted(),
				limits.pacingRejected(), limits.randomRejected());
		System.out.printf("limits require %.2f s (busiest lane: posts-1 + its random 429 waits); ratio %.3f%n",
				required, elapsed / required);
		printClaims(due);
		printGaps(fake);
		printBusiestLane(fake, due);
		assertThat(posted()).isEqualTo(count);
		assertThat(duplicates(fake)).isZero();
		assertThat(limits.accepted()).isEqualTo(count);
		System.out.printf("target: at most 1.1 x what the limits require: %s%n",
				(elapsed / required <= 1.1) ? "met" : "NOT met");
	}

	/** When the Quartz jobs ran (claimed their period) and when their posts were done. */
	private void printClaims(Instant due) {
		Map<String, Object> row = this.jdbc.queryForMap("select min(claimed_at) as first_claim, "
				+ "max(claimed_at) as last_claim, max(finished_at) as last_post from digest_delivery");
		System.out.printf("jobs ran from %.2f s to %.2f s after the due minute; last post recorded at %.2f s%n",
				seconds(due, row.get("first_claim")), seconds(due, row.get("last_claim")),
				seconds(due, row.get("last_post")));
	}

	/** How much longer than the limit's second each channel waited between two posts. */
	private static void printGaps(FakeSlackApi fake) {
		long[] millis = fake.channelPostGaps().stream().mapToLong(Duration::toMillis).sorted().toArray();
		if (millis.length == 0) {
			return;
		}
		System.out.printf("gaps between accepted posts in a channel (ms): median %d, p90 %d, max %d, mean %.1f%n",
				millis[millis.length / 2], millis[millis.length * 9 / 10], millis[millis.length - 1],
				java.util.Arrays.stream(millis).average().orElse(0));
	}

	/** The channel that needed longest under the limits, and when its posts happened. */
	private static void printBusiestLane(FakeSlackApi fake, Instant due) {
		fake.channelSpans()
			.entrySet()
			.stream()
			.max(java.util.Comparator
				.comparingInt(
						(java.util.Map.Entry<String, FakeSlackApi.ChannelSpan> entry) -> entry.getValue().accepted() - 1
								+ entry.getValue().randomRejected())
				.thenComparing((entry) -> entry.getValue().last()))
			.ifPresent((entry) -> {
				FakeSlackApi.ChannelSpan span = entry.getValue();
				System.out.printf(
						"busiest channel %s: %d posts, %d random 429; first accepted %.2f s, last %.2f s after the "
								+ "due minute%n",
						entry.getKey(), span.accepted(), span.randomRejected(),
						Duration.between(due, span.first()).toMillis() / 1e3,
						Duration.between(due, span.last()).toMillis() / 1e3);
			});
	}

	private static double seconds(Instant due, Object timestamp) {
		Instant at = (timestamp instanceof java.time.OffsetDateTime offset) ? offset.toInstant()
				: ((java.sql.Timestamp) timestamp).toInstant();
		return Duration.between(due, at).toMillis() / 1e3;
	}

	private int posted() {
		return this.jdbc.queryForObject("select count(*) from digest_delivery where state = 'POSTED'", Integer.class);
	}

	private static int duplicates(FakeSlackApi fake) {
		Map<String, Integer> seen = new HashMap<>();
		for (String channel : fake.channelsWithMessages()) {
			for (JsonObject message : fake.messages(channel)) {
				JsonObject payload = message.getAsJsonObject("metadata").getAsJsonObject("event_payload");
				seen.merge(payload.get("schedule_id").getAsString() + "|" + payload.get("period_key").getAsString(), 1,
						Integer::sum);
			}
		}
		return (int) seen.values().stream().filter((n) -> n > 1).count();
	}

}
