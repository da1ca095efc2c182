package dev.legends.digest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.legends.digest.DigestFigures.PersonFigures;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import dev.legends.workspace.TimeWindow;

import org.springframework.stereotype.Component;

/**
 * Builds a {@link Digest} for a schedule and period from the {@link DigestFigures},
 * leaving out people who opted out or are on vacation.
 */
@Component
class DigestComposer {

	static final int TOP_CONTRIBUTORS = 5;

	static final int TREND_WEEKS = 4;

	static final int CHART_WEEKS = 8;

	private final DigestFigures figures;

	private final Members members;

	DigestComposer(DigestFigures figures, Members members) {
		this.figures = figures;
		this.members = members;
	}

	Digest compose(DigestSchedule schedule, DigestPeriod period) {
		DigestScope scope = new DigestScope(schedule.getWorkspaceId(), schedule.getTeamId());
		String title = this.figures.scopeName(scope).map((name) -> "Weekly digest · " + name).orElse("Weekly digest");
		List<PersonFigures> people = this.figures.people(scope, period.window());
		return new Digest(title, period.label(), period.key(), period.toDate(), schedule.getSections(),
				this.figures.totals(scope, period.window()), weeks(scope, period, TREND_WEEKS),
				this.figures.goals(scope, period.window()), topContributors(people),
				mostImproved(scope, period, people));
	}

	/**
	 * Confirmed points and cost of the {@code count} full weeks before the period, oldest
	 * first.
	 */
	List<Digest.WeekFigures> weeks(DigestScope scope, DigestPeriod period, int count) {
		List<Digest.WeekFigures> weeks = new ArrayList<>();
		for (int n = count; n >= 1; n--) {
			weeks.add(week(scope, period.weekBefore(n), period));
		}
		return weeks;
	}

	/**
	 * The weeks the chart shows: the seven before the period and the period itself.
	 */
	List<Digest.WeekFigures> chartWeeks(DigestSchedule schedule, DigestPeriod period) {
		DigestScope scope = new DigestScope(schedule.getWorkspaceId(), schedule.getTeamId());
		List<Digest.WeekFigures> weeks = weeks(scope, period, CHART_WEEKS - 1);
		weeks.add(week(scope, period.window(), period));
		return weeks;
	}

	private Digest.WeekFigures week(DigestScope scope, TimeWindow window, DigestPeriod period) {
		Digest.Totals totals = this.figures.totals(scope, window);
		LocalDate monday = window.start().atZone(period.zone()).toLocalDate();
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

	private Optional<Digest.Improvement> mostImproved(DigestScope scope, DigestPeriod period,
			List<PersonFigures> people) {
		TimeWindow before = new TimeWindow(period.weekBefore(TREND_WEEKS).start(), period.window().start());
		Map<Long, PersonFigures> earlier = this.figures.people(scope, before)
			.stream()
			.collect(Collectors.toMap(PersonFigures::memberId, Function.identity(), (a, b) -> a));
		return listed(people).stream()
			.filter((listed) -> listed.figures().confirmedOutcomes() > 0 && listed.figures().estimatedCostUsd() > 0)
			.filter((listed) -> rate(earlier.get(listed.figures().memberId())) > 0)
			.map((listed) -> new Digest.Improvement(listed.name(), rate(earlier.get(listed.figures().memberId())),
					rate(listed.figures())))
			.filter((improvement) -> improvement.after() > improvement.before())
			.max(Comparator
				.comparingDouble((Digest.Improvement improvement) -> improvement.after() / improvement.before()));
	}

	/** Confirmed points per $100 of estimated cost; 0 without cost or points. */
	private static double rate(PersonFigures figures) {
		if (figures == null || figures.estimatedCostUsd() <= 0) {
			return 0;
		}
		return figures.confirmedPoints() * 100 / figures.estimatedCostUsd();
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

	private record Listed(String name, PersonFigures figures) {

	}

}
