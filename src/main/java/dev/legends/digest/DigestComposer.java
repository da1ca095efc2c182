package dev.legends.digest;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import dev.legends.digest.DigestAudience.Audience;
import dev.legends.digest.DigestFigures.PersonFigures;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;

import org.springframework.stereotype.Component;

/**
 * Builds a {@link Digest} for a schedule and period from the {@link DigestFigures} of the
 * period and the seven weeks before it, leaving out of names and rankings the people who
 * opted out or are on vacation.
 */
@Component
class DigestComposer {

	static final int TOP_CONTRIBUTORS = 5;

	static final int TREND_WEEKS = 4;

	static final int CHART_WEEKS = 8;

	private static final long CACHE_NANOS = Duration.ofMinutes(2).toNanos();

	private static final int MAX_CACHED = 256;

	private final DigestFigures figures;

	private final Map<CacheKey, CompletableFuture<Cached>> recent = new ConcurrentHashMap<>();

	private final Members members;

	private final DigestAudience audience;

	DigestComposer(DigestFigures figures, Members members, DigestAudience audience) {
		this.figures = figures;
		this.members = members;
		this.audience = audience;
	}

	/**
	 * The digest and the weeks its chart shows (oldest first, the period last).
	 */
	Composed compose(DigestSchedule schedule, DigestPeriod period) {
		Audience audience = this.audience.of(schedule);
		CacheKey key = new CacheKey(audience, period.key(), period.zone().getId(), Set.copyOf(schedule.getSections()));
		long now = System.nanoTime();
		if (this.recent.size() > MAX_CACHED) {
			this.recent.values().removeIf((entry) -> entry.isDone() && now - entry.join().at() > CACHE_NANOS);
		}
		CompletableFuture<Cached> mine = new CompletableFuture<>();
		CompletableFuture<Cached> theirs = this.recent.compute(key,
				(k, existing) -> (existing != null && (!existing.isDone() || now - existing.join().at() <= CACHE_NANOS))
						? existing : mine);
		if (theirs != mine) {
			return theirs.join().composed();
		}
		try {
			Composed composed = composeFresh(audience, schedule.getSections(), period);
			mine.complete(new Cached(composed, now));
			return composed;
		}
		catch (RuntimeException ex) {
			this.recent.remove(key, mine);
			mine.completeExceptionally(ex);
			throw ex;
		}
	}

	/**
	 * Compose without the cache: schedules of the same audience due at the same time
	 * (many channels with the same people at 09:00) share one composition.
	 */
	private Composed composeFresh(Audience audience, Set<DigestSection> shown, DigestPeriod period) {
		DigestScope scope = audience.scope();
		LocalDate monday = period.window().start().atZone(period.zone()).toLocalDate();
		List<List<PersonFigures>> weeks = new ArrayList<>();
		for (int back = 0; back < CHART_WEEKS; back++) {
			weeks.add(this.figures.people(scope, monday.minusWeeks(back), period.zone()));
		}
		List<PersonFigures> now = weeks.get(0);
		List<Digest.WeekFigures> previous = new ArrayList<>();
		for (int back = TREND_WEEKS; back >= 1; back--) {
			previous.add(week(monday.minusWeeks(back), weeks.get(back)));
		}
		List<Digest.WeekFigures> chart = new ArrayList<>();
		for (int back = CHART_WEEKS - 1; back >= 0; back--) {
			chart.add(week(monday.minusWeeks(back), weeks.get(back)));
		}
		String title = this.figures.scopeName(scope).map((name) -> "Weekly digest · " + name).orElse("Weekly digest");
		Set<DigestSection> sections = EnumSet.copyOf(shown);
		Optional<String> notice = audience.note();
		if (!this.figures.showsFiguresInChannels(scope)) {
			sections.retainAll(EnumSet.of(DigestSection.CONTRIBUTORS));
			notice = Optional.of(scope.isChannel()
					? "Totals, trend, goals and the chart are shown only when at least five people in this channel "
							+ "use Legends."
					: "Team totals, trend, goals and the chart are shown in channels only for teams of five or more "
							+ "people.");
		}
		Digest digest = new Digest(title, period.label(), period.key(), period.toDate(), sections, totals(now),
				previous, this.figures.goals(scope), topContributors(now),
				mostImproved(now, weeks.subList(1, TREND_WEEKS + 1)), notice);
		return new Composed(digest, chart);
	}

	static Digest.Totals totals(List<PersonFigures> people) {
		int confirmed = 0;
		int pending = 0;
		double confirmedPoints = 0;
		double pendingPoints = 0;
		double cost = 0;
		long[] tokens = new long[5];
		for (PersonFigures person : people) {
			confirmed += person.confirmedOutcomes();
			pending += person.pendingOutcomes();
			confirmedPoints += person.confirmedPoints();
			pendingPoints += person.pendingPoints();
			cost += person.estimatedCostUsd();
			tokens[0] = capped(tokens[0], person.tokens().input());
			tokens[1] = capped(tokens[1], person.tokens().output());
			tokens[2] = capped(tokens[2], person.tokens().cacheRead());
			tokens[3] = capped(tokens[3], person.tokens().cacheWrite());
			tokens[4] = capped(tokens[4], person.tokens().reasoning());
		}
		return new Digest.Totals(confirmed, pending, confirmedPoints, pendingPoints, cost,
				new Digest.Tokens(tokens[0], tokens[1], tokens[2], tokens[3], tokens[4]));
	}

	/** Non-negative counts added up for display: past a {@code long}, the largest. */
	private static long capped(long sum, long count) {
		try {
			return Math.addExact(sum, count);
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	private static Digest.WeekFigures week(LocalDate monday, List<PersonFigures> people) {
		Digest.Totals totals = totals(people);
		return new Digest.WeekFigures(monday, totals.confirmedPoints(), totals.estimatedCostUsd());
	}

	private List<Digest.Contributor> topContributors(List<PersonFigures> people) {
		return listed(people).stream()
			.filter((listed) -> listed.figures().confirmedOutcomes() > 0)
			.sorted(Comparator.comparingInt((Listed listed) -> listed.figures().confirmedOutcomes())
				.thenComparingDouble((listed) -> listed.figures().confirmedPoints())
				.reversed()
				.thenComparing(Listed::name))
			.limit(TOP_CONTRIBUTORS)
			.map((listed) -> new Digest.Contributor(listed.name(), listed.figures().confirmedOutcomes(),
					listed.figures().confirmedPoints()))
			.toList();
	}

	/**
	 * The listed person whose confirmed points per $100 rose most against their previous
	 * four weeks taken together.
	 */
	private Optional<Digest.Improvement> mostImproved(List<PersonFigures> now, List<List<PersonFigures>> before) {
		Map<Long, double[]> earlier = new HashMap<>();
		before.forEach((week) -> week.forEach((person) -> {
			double[] sums = earlier.computeIfAbsent(person.memberId(), (id) -> new double[2]);
			sums[0] += person.confirmedPoints();
			sums[1] += person.estimatedCostUsd();
		}));
		return listed(now).stream()
			.filter((listed) -> listed.figures().confirmedOutcomes() > 0 && listed.figures().estimatedCostUsd() > 0)
			.filter((listed) -> rate(earlier.get(listed.figures().memberId())) > 0)
			.map((listed) -> new Digest.Improvement(listed.name(), rate(earlier.get(listed.figures().memberId())),
					listed.figures().confirmedPoints() * 100 / listed.figures().estimatedCostUsd()))
			.filter((improvement) -> improvement.after() > improvement.before())
			.max(Comparator
				.comparingDouble((Digest.Improvement improvement) -> improvement.after() / improvement.before()));
	}

	/** Confirmed points per $100 of estimated cost; 0 without cost or points. */
	private static double rate(double[] sums) {
		return (sums == null || sums[1] <= 0) ? 0 : sums[0] * 100 / sums[1];
	}

	private List<Listed> listed(List<PersonFigures> people) {
		List<Listed> result = new ArrayList<>();
		for (PersonFigures person : people) {
			this.members.findById(person.memberId())
				.filter(Member::isListed)
				.ifPresent((member) -> result.add(new Listed(member.getDisplayName(), person)));
		}
		return result;
	}

	/**
	 * A digest and its chart's weeks.
	 *
	 * @param digest the digest
	 * @param chartWeeks the chart's weeks, oldest first
	 */
	record Composed(Digest digest, List<Digest.WeekFigures> chartWeeks) {

	}

	private record Listed(String name, PersonFigures figures) {

	}

	private record CacheKey(Audience audience, String periodKey, String zone, Set<DigestSection> sections) {

	}

	private record Cached(Composed composed, long at) {

	}

}
