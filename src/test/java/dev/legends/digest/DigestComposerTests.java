package dev.legends.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.legends.digest.DigestFigures.PersonFigures;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * How a digest is put together from people's weekly figures.
 */
class DigestComposerTests {

	static final LocalDate WEEK = LocalDate.of(2026, 11, 16);

	@Test
	void composeWhenSomeoneOptedOutOrAwayCountsThemInTotalsButNeverNamesThem() {
		Map<Long, Member> people = Map.of(1L, member("Ada", true), 2L, member("Otto", false), 3L, member("Vera", false),
				4L, member("Grace", true));
		DigestComposer composer = new DigestComposer(
				figures(Map.of(WEEK,
						List.of(person(1, 2, 6, 40), person(2, 5, 20, 10), person(3, 4, 12, 10), person(4, 1, 3, 5)))),
				members(people), audience(people));
		Digest digest = compose(composer);
		assertThat(digest.topContributors()).extracting(Digest.Contributor::displayName)
			.containsExactly("Ada", "Grace");
		assertThat(digest.totals().confirmedOutcomes()).isEqualTo(12);
		assertThat(digest.totals().confirmedPoints()).isEqualTo(41);
		assertThat(digest.totals().costPerConfirmedPoint().getAsDouble()).isEqualTo(65.0 / 41);
	}

	@Test
	void composeWhenSomeoneDeliversMorePerDollarThanBeforeNamesTheLargestGain() {
		Map<Long, Member> people = Map.of(1L, member("Ada", true), 2L, member("Grace", true));
		DigestComposer composer = new DigestComposer(
				figures(Map.of(WEEK, List.of(person(1, 2, 6, 60), person(2, 2, 8, 40)), WEEK.minusWeeks(1),
						List.of(person(1, 1, 3, 60), person(2, 1, 3, 100)))),
				members(people), audience(people));
		Digest digest = compose(composer);
		assertThat(digest.mostImproved()).isPresent();
		assertThat(digest.mostImproved().get().displayName()).isEqualTo("Grace");
		assertThat(digest.mostImproved().get().before()).isEqualTo(3.0);
		assertThat(digest.mostImproved().get().after()).isEqualTo(20.0);
		assertThat(digest.previousWeeks()).hasSize(4);
		assertThat(digest.previousWeeks().get(3).estimatedCostUsd()).isEqualTo(160);
	}

	private static Digest compose(DigestComposer composer) {
		DigestSchedule schedule = new DigestSchedule(1L, "CCOMPOSE");
		schedule.apply(new ScheduleSettings(null, DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneOffset.UTC,
				EnumSet.allOf(DigestSection.class), 1L), ScheduleStatus.ACTIVE, Instant.EPOCH);
		return composer
			.compose(schedule, DigestPeriod.lastFullWeek(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC))
			.digest();
	}

	private static PersonFigures person(long id, int confirmed, double points, double cost) {
		return new PersonFigures(id, confirmed, 0, points, 0, cost, Digest.Tokens.NONE);
	}

	private static Member member(String name, boolean listed) {
		Member member = mock(Member.class);
		given(member.getDisplayName()).willReturn(name);
		given(member.isListed()).willReturn(listed);
		return member;
	}

	/** Everyone is in the digest's channel. */
	private static DigestAudience audience(Map<Long, Member> people) {
		return new DigestAudience((workspace, channel) -> ChannelDirectory.Membership.of(List.of()), members(people));
	}

	private static Members members(Map<Long, Member> people) {
		Members members = mock(Members.class);
		given(members.findById(anyLong()))
			.willAnswer((invocation) -> Optional.ofNullable(people.get(invocation.<Long>getArgument(0))));
		return members;
	}

	private static DigestFigures figures(Map<LocalDate, List<PersonFigures>> weeks) {
		return new DigestFigures() {

			@Override
			public List<PersonFigures> people(DigestScope scope, LocalDate monday, ZoneId zone) {
				return weeks.getOrDefault(monday, List.of());
			}

			@Override
			public List<Digest.GoalLine> goals(DigestScope scope) {
				return List.of();
			}

			@Override
			public boolean showsFiguresInChannels(DigestScope scope) {
				return true;
			}

			@Override
			public Optional<String> scopeName(DigestScope scope) {
				return Optional.empty();
			}

		};
	}

}
