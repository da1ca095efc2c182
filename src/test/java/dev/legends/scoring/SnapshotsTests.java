package dev.legends.scoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.legends.workspace.ChangeVersions;
import dev.legends.workspace.TimeWindow;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Cached figures under a burst of requests: once their time is up, they are computed
 * again in the background, once, and requests are served the previous figures meanwhile
 * instead of waiting for it.
 */
class SnapshotsTests {

	private static final TimeWindow WEEK = TimeWindow.isoWeekOf(java.time.Instant.parse("2026-12-02T10:00:00Z"),
			java.time.ZoneOffset.UTC);

	@Test
	void usageWhenExpiredIsComputedAgainInTheBackgroundOnceWhileRequestsGetThePreviousFigures() throws Exception {
		CountDownLatch computing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger computed = new AtomicInteger();
		ScoringSources.UsageSource usage = new ScoringSources.UsageSource() {

			@Override
			public Map<Long, UsageFigures> byMember(Long workspaceId, TimeWindow window) {
				int call = computed.incrementAndGet();
				if (call == 2) {
					computing.countDown();
					await(release);
				}
				return Map.of(1L, new UsageFigures(call, 0, 0, 0, 0, 0, 0, 0, false));
			}

			@Override
			public UsageFigures ofMember(Long memberId, TimeWindow window) {
				return UsageFigures.NONE;
			}

		};
		Snapshots snapshots = snapshots(usage, Duration.ofMillis(50));
		try {
			assertThat(snapshots.usageByMember(7L, WEEK).get(1L).inputTokens()).isOne();
			Thread.sleep(100);

			// expired: every request is answered at once with the previous figures while
			// they are computed again in the background, once
			List<Map<Long, UsageFigures>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				answers.add(CompletableFuture.supplyAsync(() -> snapshots.usageByMember(7L, WEEK))
					.get(2, TimeUnit.SECONDS));
			}
			assertThat(computing.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(answers).allSatisfy((answer) -> assertThat(answer.get(1L).inputTokens()).isOne());
			assertThat(computed).as("computed again once for the whole burst").hasValue(2);

			release.countDown();
			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(
						() -> assertThat(snapshots.usageByMember(7L, WEEK).get(1L).inputTokens()).isGreaterThan(1));
		}
		finally {
			release.countDown();
			snapshots.destroy();
		}
	}

	@Test
	void cacheWhenManyChangesFillItForgetsFiguresOfOlderVersionsNotThoseStillInUse() throws Exception {
		AtomicInteger usageComputed = new AtomicInteger();
		ScoringSources.UsageSource usage = new ScoringSources.UsageSource() {

			@Override
			public Map<Long, UsageFigures> byMember(Long workspaceId, TimeWindow window) {
				usageComputed.incrementAndGet();
				return Map.of();
			}

			@Override
			public UsageFigures ofMember(Long memberId, TimeWindow window) {
				return UsageFigures.NONE;
			}

		};
		AtomicLong version = new AtomicLong();
		ChangeVersions versions = mock(ChangeVersions.class);
		given(versions.current(anyLong())).willAnswer((invocation) -> version.get());
		Snapshots snapshots = snapshots(usage, ScoringSources.CreditSource.NONE, Duration.ofMinutes(1), versions);
		try {
			// 1,000 changes, each followed by a board's reads: usage (kept across outcome
			// changes) and the changed version's credits
			for (int i = 0; i < 1000; i++) {
				version.incrementAndGet();
				snapshots.usageByMember(7L, WEEK);
				snapshots.creditsByMember(7L, WEEK);
				if (i % 100 == 99) {
					Thread.sleep(120);
				}
			}
			assertThat(usageComputed).as("usage, used by every board, computed once").hasValue(1);
			assertThat(snapshots.size()).as("figures of older versions forgotten").isLessThanOrEqualTo(356);
		}
		finally {
			snapshots.destroy();
		}
	}

	private static Snapshots snapshots(ScoringSources.UsageSource usage, Duration ttl) {
		ChangeVersions versions = mock(ChangeVersions.class);
		given(versions.current(anyLong())).willReturn(0L);
		return snapshots(usage, ScoringSources.CreditSource.NONE, ttl, versions);
	}

	private static Snapshots snapshots(ScoringSources.UsageSource usage, ScoringSources.CreditSource credits,
			Duration ttl, ChangeVersions versions) {
		ScoringProperties defaults = ScoringProperties.defaults();
		ScoringProperties properties = new ScoringProperties(defaults.topN(), defaults.minConfirmedOutcomes(),
				defaults.minCostUsd(), defaults.priorWeightUsd(), defaults.minTeamSizeInChannels(), ttl,
				defaults.coaching());
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("usage", usage, "credits", credits));
		return new Snapshots(null, properties, beans.getBeanProvider(ScoringSources.UsageSource.class),
				beans.getBeanProvider(ScoringSources.CreditSource.class), versions);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
