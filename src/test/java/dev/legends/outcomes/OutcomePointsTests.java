package dev.legends.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Size and status into points, shares, the daily cap and the reasons given.
 */
class OutcomePointsTests {

	private final OutcomePoints points = new OutcomePoints(OutcomeProperties.defaults());

	@Test
	void valueWhenConfirmedIsFullAndWhenReportedIsHalf() {
		assertThat(this.points.value(OutcomeSize.S, OutcomeStatus.CONFIRMED)).isEqualTo(1);
		assertThat(this.points.value(OutcomeSize.M, OutcomeStatus.CONFIRMED)).isEqualTo(3);
		assertThat(this.points.value(OutcomeSize.L, OutcomeStatus.CONFIRMED)).isEqualTo(8);
		assertThat(this.points.value(OutcomeSize.L, OutcomeStatus.REPORTED)).isEqualTo(4);
		assertThat(this.points.value(OutcomeSize.M, OutcomeStatus.REPORTED)).isEqualTo(1.5);
	}

	@Test
	void valueWhenRejectedOrWithdrawnIsZero() {
		assertThat(this.points.value(OutcomeSize.L, OutcomeStatus.REJECTED)).isZero();
		assertThat(this.points.value(OutcomeSize.L, OutcomeStatus.WITHDRAWN)).isZero();
	}

	@Test
	void valueWhenConfiguredUsesSettings() {
		OutcomePoints custom = new OutcomePoints(new OutcomeProperties(2, 5, 13, 1.0, 0.25, 6, 5, 90, 10));
		assertThat(custom.value(OutcomeSize.L, OutcomeStatus.CONFIRMED)).isEqualTo(13);
		assertThat(custom.value(OutcomeSize.S, OutcomeStatus.REPORTED)).isEqualTo(0.5);
	}

	@Test
	void creditWhenCollaboratorsSharesEquallyAmongEveryone() {
		OutcomeDetails shared = outcome(1L, 10L, List.of(11L, 12L), OutcomeSize.L, OutcomeStatus.CONFIRMED, 0);
		List<OutcomeCredit> credits = this.points.credit(List.of(shared), Set.of(), Map.of());
		assertThat(credits).extracting(OutcomeCredit::memberId).containsExactly(10L, 11L, 12L);
		assertThat(credits).allSatisfy((credit) -> {
			assertThat(credit.points()).isEqualTo(8.0 / 3);
			assertThat(credit.reason()).isEqualTo(CreditReason.CONFIRMED);
			assertThat(credit.explanation()).isEqualTo("L = 8 pts × 1 (confirmed) ÷ 3 people = 2.67");
		});
	}

	@Test
	void creditWhenPendingCountsHalfWithReason() {
		OutcomeDetails pending = outcome(1L, 10L, List.of(), OutcomeSize.M, OutcomeStatus.REPORTED, 0);
		OutcomeCredit credit = this.points.credit(List.of(pending), Set.of(), Map.of()).get(0);
		assertThat(credit.points()).isEqualTo(1.5);
		assertThat(credit.reason()).isEqualTo(CreditReason.PENDING);
		assertThat(credit.explanation()).isEqualTo("M = 3 pts × 0.5 (awaiting confirmation) = 1.5");
	}

	@Test
	void creditWhenDuplicateLinkOrRejectedOrWithdrawnIsZeroWithReason() {
		OutcomeDetails duplicate = outcome(1L, 10L, List.of(), OutcomeSize.L, OutcomeStatus.CONFIRMED, 0);
		OutcomeDetails rejected = outcome(2L, 10L, List.of(), OutcomeSize.L, OutcomeStatus.REJECTED, 1);
		OutcomeDetails withdrawn = outcome(3L, 10L, List.of(), OutcomeSize.L, OutcomeStatus.WITHDRAWN, 2);
		List<OutcomeCredit> credits = this.points.credit(List.of(duplicate, rejected, withdrawn), Set.of(1L), Map.of());
		assertThat(credits).extracting(OutcomeCredit::points).containsExactly(0.0, 0.0, 0.0);
		assertThat(credits).extracting(OutcomeCredit::reason)
			.containsExactly(CreditReason.DUPLICATE_LINK, CreditReason.REJECTED, CreditReason.WITHDRAWN);
	}

	@Test
	void capPendingWhenOverDailyCapGrantsInReportOrderUntilUsedUp() {
		OutcomeDetails first = outcome(1L, 10L, List.of(), OutcomeSize.L, OutcomeStatus.REPORTED, 0);
		OutcomeDetails second = outcome(2L, 10L, List.of(), OutcomeSize.M, OutcomeStatus.REPORTED, 1);
		OutcomeDetails third = outcome(3L, 10L, List.of(), OutcomeSize.L, OutcomeStatus.REPORTED, 2);
		Map<Long, Double> allowed = this.points.capPending(List.of(third, second, first));
		assertThat(allowed).containsEntry(1L, 4.0).containsEntry(2L, 1.5).containsEntry(3L, 0.5);
		List<OutcomeCredit> credits = this.points.credit(List.of(first, second, third), Set.of(), allowed);
		assertThat(credits).extracting(OutcomeCredit::reason)
			.containsExactly(CreditReason.PENDING, CreditReason.PENDING, CreditReason.CAPPED_BY_DAILY_CAP);
		assertThat(credits.get(2).points()).isEqualTo(0.5);
		assertThat(credits.stream().mapToDouble(OutcomeCredit::points).sum()).isEqualTo(6.0);
	}

	@Test
	void formatWhenFractionalKeepsTwoDecimalsWithoutTrailingZeros() {
		assertThat(OutcomePoints.format(4)).isEqualTo("4");
		assertThat(OutcomePoints.format(1.5)).isEqualTo("1.5");
		assertThat(OutcomePoints.format(8.0 / 3)).isEqualTo("2.67");
	}

	static OutcomeDetails outcome(Long id, Long reporterId, List<Long> collaborators, OutcomeSize size,
			OutcomeStatus status, int minute) {
		return new OutcomeDetails(id, 1L, reporterId, OutcomeKind.PR_MERGED, "Outcome " + id, null, size,
				LocalDate.of(2026, 11, 23), collaborators, null, null, status, null, null, null,
				Instant.parse("2026-11-23T09:00:00Z").plusSeconds(minute * 60L));
	}

}
