package dev.legends.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import dev.legends.workspace.TimeWindow;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A window's credits brought up to date with what changed since they were computed are
 * the credits computed afresh, after every kind of outcome change: a report, a
 * confirmation that lifts the daily cap from another report of that day, an edit that
 * moves an outcome out of one window and into the middle of another, a rejection, a
 * withdrawal.
 */
@LegendsAppTest
class CreditLedgerTests {

	@Autowired
	Outcomes outcomes;

	@Autowired
	CreditLedger ledger;

	@Autowired
	Members members;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void creditsAfterEachChangeAreTheCreditsComputedAfresh(SlackTestClient slack, FakeSlackApi fake) {
		String team = slack.inNewTeam().teamId();
		Member ada = member(fake, team, "ULEDGER1", "Ada");
		Member bea = member(fake, team, "ULEDGER2", "Bea");
		Member cid = member(fake, team, "ULEDGER3", "Cid");
		Long workspace = ada.getWorkspaceId();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Instant now = Instant.now();
		TimeWindow days = new TimeWindow(now.minus(3, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS));
		TimeWindow months = new TimeWindow(now.minus(100, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS));

		OutcomeDetails older = this.outcomes.report(cid.getId(), draft("Older fix", today.minusDays(20), bea));
		OutcomeDetails first = this.outcomes.report(ada.getId(), draft("Billing export", today, bea));
		sameAsAfresh(workspace, days, months);
		OutcomeDetails second = this.outcomes.report(ada.getId(), draft("Invoice PDFs", today, bea));
		assertThat(reasonOf(workspace, days, second)).isEqualTo(CreditReason.CAPPED_BY_DAILY_CAP);
		sameAsAfresh(workspace, days, months);

		this.outcomes.confirm(first.id(), bea.getId());
		assertThat(reasonOf(workspace, days, second)).as("the other report of that day, no longer capped")
			.isEqualTo(CreditReason.PENDING);
		sameOutcomesAsInTheDatabase(ada, days);
		sameAsAfresh(workspace, days, months);

		this.outcomes.edit(second.id(), ada.getId(), draft("Invoice PDFs", today.minusDays(10), bea));
		assertThat(this.outcomes.credits(workspace, days)).extracting(OutcomeCredit::outcomeId)
			.containsExactly(first.id());
		assertThat(this.outcomes.credits(workspace, months)).extracting(OutcomeCredit::outcomeId)
			.as("moved between the two others, in order of occurrence")
			.containsExactly(older.id(), second.id(), first.id());
		sameAsAfresh(workspace, days, months);

		this.outcomes.reject(older.id(), bea.getId(), "Not merged");
		this.outcomes.withdraw(second.id(), ada.getId());
		assertThat(this.outcomes.credits(workspace, months)).extracting(OutcomeCredit::reason)
			.containsExactly(CreditReason.REJECTED, CreditReason.WITHDRAWN, CreditReason.CONFIRMED);
		// shared with Cid: one of Cid's outcomes too
		this.outcomes.report(bea.getId(), new OutcomeDraft(OutcomeKind.BUG_FIXED, "Shared fix", null, OutcomeSize.M,
				today.minusDays(5), List.of(cid.getId()), ada.getId(), null));
		sameOutcomesAsInTheDatabase(ada, months);
		sameOutcomesAsInTheDatabase(cid, months);
		sameOutcomesAsInTheDatabase(bea, months);
		sameAsAfresh(workspace, days, months);
	}

	@Test
	void creditsAfterAChangeReadOnlyTheOutcomesChangedSince(SlackTestClient slack, FakeSlackApi fake) {
		String team = slack.inNewTeam().teamId();
		Member ada = member(fake, team, "ULEDGER4", "Ada");
		Member bea = member(fake, team, "ULEDGER5", "Bea");
		Long workspace = ada.getWorkspaceId();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		TimeWindow days = new TimeWindow(Instant.now().minus(3, ChronoUnit.DAYS),
				Instant.now().plus(2, ChronoUnit.DAYS));
		OutcomeDetails first = this.outcomes.report(ada.getId(), draft("Billing export", today, bea));
		this.outcomes.credits(workspace, days);
		// behind the ledger's back: no change version, no mark
		this.jdbc.update("update outcome set title = 'Renamed unseen' where id = ?", first.id());

		OutcomeDetails second = this.outcomes.report(bea.getId(), draft("Invoice PDFs", today, ada));
		assertThat(this.outcomes.credits(workspace, days)).extracting(OutcomeCredit::title)
			.containsExactly("Billing export", "Invoice PDFs");
		this.ledger.clear();
		assertThat(this.outcomes.credits(workspace, days)).extracting(OutcomeCredit::outcomeId, OutcomeCredit::title)
			.containsExactly(tuple(first.id(), "Renamed unseen"), tuple(second.id(), "Invoice PDFs"));
	}

	private void sameAsAfresh(Long workspace, TimeWindow... windows) {
		List<List<OutcomeCredit>> kept = Stream.of(windows)
			.map((window) -> this.outcomes.credits(workspace, window))
			.toList();
		this.ledger.clear();
		for (int i = 0; i < windows.length; i++) {
			assertThat(kept.get(i)).as("brought up to date").isEqualTo(this.outcomes.credits(workspace, windows[i]));
		}
	}

	/**
	 * A person's outcomes in a window whose credits are kept (read from them) are those
	 * read from the database.
	 */
	private void sameOutcomesAsInTheDatabase(Member member, TimeWindow window) {
		this.outcomes.credits(member.getWorkspaceId(), window);
		List<OutcomeDetails> kept = this.outcomes.forMember(member, window);
		this.ledger.clear();
		assertThat(kept).isNotEmpty().isEqualTo(this.outcomes.forMember(member, window));
	}

	private CreditReason reasonOf(Long workspace, TimeWindow window, OutcomeDetails outcome) {
		return this.outcomes.credits(workspace, window)
			.stream()
			.filter((credit) -> credit.outcomeId().equals(outcome.id()))
			.findFirst()
			.orElseThrow()
			.reason();
	}

	private Member member(FakeSlackApi fake, String team, String userId, String name) {
		fake.addUser(SlackUser.of(userId, name));
		return this.members.member(team, userId);
	}

	private static OutcomeDraft draft(String title, LocalDate date, Member confirmer) {
		return new OutcomeDraft(OutcomeKind.PR_MERGED, title, null, OutcomeSize.L, date, List.of(), confirmer.getId(),
				null);
	}

}
