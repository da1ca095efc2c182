package dev.legends.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
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

	@Test
	void aConfirmationThatLiftsTheDailyCapShowsInTheCollaboratorsCreditsToo(SlackTestClient slack, FakeSlackApi fake) {
		String team = slack.inNewTeam().teamId();
		Member ada = member(fake, team, "ULEDGERA", "Ada");
		Member bea = member(fake, team, "ULEDGERB", "Bea");
		Member cid = member(fake, team, "ULEDGERC", "Cid");
		Long workspace = ada.getWorkspaceId();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		TimeWindow days = new TimeWindow(Instant.now().minus(3, ChronoUnit.DAYS),
				Instant.now().plus(2, ChronoUnit.DAYS));
		OutcomeDetails first = this.outcomes.report(ada.getId(), draft("Billing export", today, bea));
		OutcomeDetails shared = this.outcomes.report(ada.getId(), new OutcomeDraft(OutcomeKind.PR_MERGED,
				"Invoice PDFs", null, OutcomeSize.L, today, List.of(cid.getId()), bea.getId(), null));
		assertThat(this.outcomes.creditsByMember(workspace, days).get(cid.getId()))
			.extracting(OutcomeCredit::outcomeId, OutcomeCredit::reason)
			.containsExactly(tuple(shared.id(), CreditReason.CAPPED_BY_DAILY_CAP));

		// only Ada's first report changes; Cid shares the other one
		this.outcomes.confirm(first.id(), bea.getId());
		assertThat(this.outcomes.creditsByMember(workspace, days).get(cid.getId()))
			.extracting(OutcomeCredit::outcomeId, OutcomeCredit::reason)
			.containsExactly(tuple(shared.id(), CreditReason.PENDING));
		sameAsAfresh(workspace, days);
	}

	@Test
	void creditsAfterManyChangesOfEveryKindAreTheCreditsComputedAfresh(SlackTestClient slack, FakeSlackApi fake) {
		String team = slack.inNewTeam().teamId();
		List<Member> people = List.of(member(fake, team, "ULEDGER6", "Ada"), member(fake, team, "ULEDGER7", "Bea"),
				member(fake, team, "ULEDGER8", "Cid"), member(fake, team, "ULEDGER9", "Dot"));
		Long workspace = people.get(0).getWorkspaceId();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Instant now = Instant.now();
		TimeWindow days = new TimeWindow(now.minus(3, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS));
		TimeWindow weeks = new TimeWindow(now.minus(14, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS));
		Random random = new Random(14);
		List<OutcomeDetails> reported = new ArrayList<>();
		for (int step = 0; step < 60; step++) {
			// the kept windows are brought up to date from here on
			this.outcomes.credits(workspace, days);
			this.outcomes.credits(workspace, weeks);
			Member someone = people.get(random.nextInt(people.size()));
			Member other = people.get((people.indexOf(someone) + 1 + random.nextInt(3)) % people.size());
			int what = reported.isEmpty() ? 0 : random.nextInt(5);
			try {
				if (what == 0) {
					// some shared, some on days outside the shorter window
					List<Long> collaborators = random.nextBoolean() ? List.of(other.getId()) : List.of();
					Member confirmer = people.stream()
						.filter((person) -> !person.equals(someone) && !collaborators.contains(person.getId()))
						.findFirst()
						.orElseThrow();
					reported.add(this.outcomes.report(someone.getId(),
							new OutcomeDraft(OutcomeKind.PR_MERGED, "Outcome " + step, null,
									OutcomeSize.values()[random.nextInt(OutcomeSize.values().length)],
									today.minusDays(random.nextInt(8)), collaborators, confirmer.getId(), null)));
				}
				else {
					OutcomeDetails outcome = this.outcomes.find(reported.get(random.nextInt(reported.size())).id())
						.orElseThrow();
					switch (what) {
						case 1 -> this.outcomes.confirm(outcome.id(), outcome.confirmerId());
						case 2 -> this.outcomes.reject(outcome.id(), outcome.confirmerId(), "Not merged");
						case 3 -> this.outcomes.withdraw(outcome.id(), outcome.reporterId());
						default -> this.outcomes.edit(outcome.id(), outcome.reporterId(),
								new OutcomeDraft(outcome.kind(), outcome.title(), null, outcome.size(),
										today.minusDays(random.nextInt(8)), outcome.collaboratorIds(),
										outcome.confirmerId(), null));
					}
				}
			}
			catch (RuntimeException refused) {
				// not allowed in this state (confirming a withdrawn outcome, a daily
				// limit): nothing changed
			}
			sameAsAfresh(workspace, days, weeks);
		}
		for (Member person : people) {
			sameOutcomesAsInTheDatabase(person, weeks);
		}
	}

	private void sameAsAfresh(Long workspace, TimeWindow... windows) {
		List<List<OutcomeCredit>> kept = Stream.of(windows)
			.map((window) -> this.outcomes.credits(workspace, window))
			.toList();
		List<Map<Long, List<OutcomeCredit>>> keptByMember = Stream.of(windows)
			.map((window) -> this.outcomes.creditsByMember(workspace, window))
			.toList();
		this.ledger.clear();
		for (int i = 0; i < windows.length; i++) {
			List<OutcomeCredit> afresh = this.outcomes.credits(workspace, windows[i]);
			assertThat(kept.get(i)).as("brought up to date").isEqualTo(afresh);
			assertThat(keptByMember.get(i)).as("by person, brought up to date")
				.isEqualTo(afresh.stream()
					.collect(Collectors.groupingBy(OutcomeCredit::memberId, LinkedHashMap::new, Collectors.toList())));
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
