package dev.legends.outcomes;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The outcomes API enforces its rules whoever calls it.
 */
@LegendsAppTest
class OutcomesTests {

	@Autowired
	Outcomes outcomes;

	@Autowired
	Members members;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void reportWhenValidCountsHalfUntilConfirmedThenFull(SlackTestClient slack, FakeSlackApi fake) {
		String team = slack.inNewTeam().teamId();
		Member ada = member(fake, team, "UOA1", "Ada");
		Member bea = member(fake, team, "UOB1", "Bea");
		OutcomeDetails outcome = this.outcomes.report(ada.getId(), draft("https://example.com/pr/1", bea.getId()));
		assertThat(points(ada)).isEqualTo(4.0);
		assertThat(this.outcomes.confirmationRecipients(outcome.id())).containsExactly(bea.getId());
		this.outcomes.confirm(outcome.id(), bea.getId());
		assertThat(points(ada)).isEqualTo(8.0);
		assertThat(this.outcomes.creditsOf(ada.getId(), week()).get(0).reason()).isEqualTo(CreditReason.CONFIRMED);
	}

	@Test
	void confirmWhenOwnOutcomeIsRefusedAndChangesNothing(SlackTestClient slack, FakeSlackApi fake) {
		String team = slack.inNewTeam().teamId();
		Member ada = member(fake, team, "UOA2", "Ada");
		OutcomeDetails outcome = this.outcomes.report(ada.getId(), draft(null, null));
		assertThatExceptionOfType(OutcomeRefusedException.class)
			.isThrownBy(() -> this.outcomes.confirm(outcome.id(), ada.getId()))
			.withMessageContaining("can't confirm your own");
		assertThat(this.outcomes.find(outcome.id()).orElseThrow().status()).isEqualTo(OutcomeStatus.REPORTED);
	}

	@Test
	void confirmWhenNotAskedAndNotManagerIsRefused(SlackTestClient slack, FakeSlackApi fake) {
		String team = slack.inNewTeam().teamId();
		Member ada = member(fake, team, "UOA3", "Ada");
		Member bea = member(fake, team, "UOB3", "Bea");
		Member cid = member(fake, team, "UOC3", "Cid");
		OutcomeDetails outcome = this.outcomes.report(ada.getId(), draft(null, bea.getId()));
		assertThatExceptionOfType(OutcomeRefusedException.class)
			.isThrownBy(() -> this.outcomes.confirm(outcome.id(), cid.getId()));
		Member admin = member(fake, team, SlackTestClient.ADMIN_USER, "Admin");
		assertThat(this.outcomes.confirm(outcome.id(), admin.getId()).status()).isEqualTo(OutcomeStatus.CONFIRMED);
	}

	@Test
	void reportWhenLinkAlreadyReportedIsRefusedNamingTheReporter(SlackTestClient slack, FakeSlackApi fake) {
		String team = slack.inNewTeam().teamId();
		Member ada = member(fake, team, "UOA4", "Ada");
		Member bea = member(fake, team, "UOB4", "Bea");
		this.outcomes.report(ada.getId(), draft("https://github.com/acme/app/pull/7", null));
		assertThatExceptionOfType(InvalidOutcomeException.class)
			.isThrownBy(() -> this.outcomes.report(bea.getId(), draft("HTTPS://github.com/acme/app/pull/7/", null)))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement().satisfies((problem) -> {
				assertThat(problem.field()).isEqualTo(OutcomeField.LINK);
				assertThat(problem.message()).contains("already reported by Ada");
			}));
		assertThat(this.outcomes.forMember(bea, week())).isEmpty();
	}

	@Test
	void creditsWhenAReportFromBeforeTheUniqueLinkSharesALinkCountOnlyTheFirstActiveOne(SlackTestClient slack,
			FakeSlackApi fake) {
		String team = slack.inNewTeam().teamId();
		Member ada = member(fake, team, "UOA9", "Ada");
		Member bea = member(fake, team, "UOB9", "Bea");
		Member cid = member(fake, team, "UOC9", "Cid");
		OutcomeDetails first = this.outcomes.report(ada.getId(), draft("https://example.com/pr/legacy", null));
		OutcomeDetails other = this.outcomes.report(cid.getId(), draft("https://example.com/pr/other", null));
		OutcomeDetails later = this.outcomes.report(bea.getId(), draft("https://example.com/pr/later", null));
		// as V22 left a report stored twice before it: active, without the link's slot
		this.jdbc.update(
				"update outcome set link = ?, active_link = null, reported_at = ?, confirmer_id = ? where id = ?",
				first.link(), java.sql.Timestamp.from(first.reportedAt().plusSeconds(60)), ada.getId(), later.id());
		assertThat(this.outcomes.creditsOf(bea.getId(), week())).extracting(OutcomeCredit::reason)
			.containsExactly(CreditReason.DUPLICATE_LINK);
		assertThat(this.outcomes.creditsOf(ada.getId(), week())).extracting(OutcomeCredit::reason)
			.containsExactly(CreditReason.PENDING);
		assertThat(this.outcomes.creditsOf(cid.getId(), week())).extracting(OutcomeCredit::outcomeId)
			.containsExactly(other.id());
		assertThat(points(cid)).isEqualTo(4.0);
		// confirming it leaves the link with the first report
		assertThat(this.outcomes.confirm(later.id(), ada.getId()).status()).isEqualTo(OutcomeStatus.CONFIRMED);
		assertThat(this.outcomes.creditsOf(bea.getId(), week())).extracting(OutcomeCredit::reason)
			.containsExactly(CreditReason.DUPLICATE_LINK);
		// once the first is withdrawn, the later report is the link's first active one
		this.outcomes.withdraw(first.id(), ada.getId());
		assertThat(this.outcomes.creditsOf(bea.getId(), week())).extracting(OutcomeCredit::reason)
			.containsExactly(CreditReason.CONFIRMED);
	}

	@Test
	void reportWhenDailyCapReachedIsRefusedAndExcessIsCapped(SlackTestClient slack, FakeSlackApi fake) {
		String team = slack.inNewTeam().teamId();
		Member ada = member(fake, team, "UOA5", "Ada");
		this.outcomes.report(ada.getId(), draft(null, null));
		this.outcomes.report(ada.getId(), draft(null, null));
		assertThatExceptionOfType(InvalidOutcomeException.class)
			.isThrownBy(() -> this.outcomes.report(ada.getId(), draft(null, null)))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(OutcomeProblem::message)
				.anySatisfy((message) -> assertThat(message).contains("today's cap of 6")));
		List<OutcomeCredit> credits = this.outcomes.creditsOf(ada.getId(), week());
		assertThat(credits).extracting(OutcomeCredit::reason)
			.containsExactly(CreditReason.PENDING, CreditReason.CAPPED_BY_DAILY_CAP);
		assertThat(points(ada)).isEqualTo(6.0);
	}

	@Test
	void confirmWhenOverWeeklyLimitNeedsManager(SlackTestClient slack, FakeSlackApi fake) {
		String team = slack.inNewTeam().teamId();
		Member ada = member(fake, team, "UOA6", "Ada");
		Member bea = member(fake, team, "UOB6", "Bea");
		for (int i = 0; i < 5; i++) {
			OutcomeDetails outcome = this.outcomes.report(ada.getId(), small(bea.getId()));
			this.outcomes.confirm(outcome.id(), bea.getId());
		}
		OutcomeDetails sixth = this.outcomes.report(ada.getId(), small(bea.getId()));
		assertThatExceptionOfType(OutcomeRefusedException.class)
			.isThrownBy(() -> this.outcomes.confirm(sixth.id(), bea.getId()))
			.withMessageContaining("a manager has to confirm this one");
		assertThat(this.outcomes.find(sixth.id()).orElseThrow().status()).isEqualTo(OutcomeStatus.REPORTED);
	}

	@Test
	void rejectWhenReasonGivenCountsZeroAndFreesTheLink(SlackTestClient slack, FakeSlackApi fake) {
		String team = slack.inNewTeam().teamId();
		Member ada = member(fake, team, "UOA7", "Ada");
		Member bea = member(fake, team, "UOB7", "Bea");
		OutcomeDetails outcome = this.outcomes.report(ada.getId(), draft("https://example.com/x", bea.getId()));
		assertThatExceptionOfType(OutcomeRefusedException.class)
			.isThrownBy(() -> this.outcomes.reject(outcome.id(), bea.getId(), " "));
		OutcomeDetails rejected = this.outcomes.reject(outcome.id(), bea.getId(), "Not merged yet");
		assertThat(rejected.decisionReason()).isEqualTo("Not merged yet");
		assertThat(points(ada)).isZero();
		assertThat(this.outcomes.validate(ada.getId(), draft("https://example.com/x", bea.getId()), null)).isEmpty();
	}

	@Test
	void withdrawWhenSomeoneElseIsRefused(SlackTestClient slack, FakeSlackApi fake) {
		String team = slack.inNewTeam().teamId();
		Member ada = member(fake, team, "UOA8", "Ada");
		Member bea = member(fake, team, "UOB8", "Bea");
		OutcomeDetails outcome = this.outcomes.report(ada.getId(), draft(null, null));
		assertThatExceptionOfType(OutcomeRefusedException.class)
			.isThrownBy(() -> this.outcomes.withdraw(outcome.id(), bea.getId()));
		assertThat(this.outcomes.withdraw(outcome.id(), ada.getId()).status()).isEqualTo(OutcomeStatus.WITHDRAWN);
		assertThat(points(ada)).isZero();
	}

	@Test
	void validateWhenDateOutOfRangeOrSelfConfirmerNamesFields(SlackTestClient slack, FakeSlackApi fake) {
		String team = slack.inNewTeam().teamId();
		Member ada = member(fake, team, "UOA9", "Ada");
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		OutcomeDraft future = new OutcomeDraft(OutcomeKind.DOC, "Docs", null, OutcomeSize.S, today.plusDays(2),
				List.of(), ada.getId(), null);
		assertThat(this.outcomes.validate(ada.getId(), future, null)).extracting(OutcomeProblem::field)
			.containsExactlyInAnyOrder(OutcomeField.DATE, OutcomeField.CONFIRMER);
		OutcomeDraft old = new OutcomeDraft(OutcomeKind.DOC, "x".repeat(151), "ftp://x", OutcomeSize.S,
				today.minusDays(91), List.of(), null, null);
		assertThat(this.outcomes.validate(ada.getId(), old, null)).extracting(OutcomeProblem::field)
			.containsExactlyInAnyOrder(OutcomeField.DATE, OutcomeField.TITLE, OutcomeField.LINK);
	}

	@Test
	void creditsWhenCollaboratorsSplitPoints(SlackTestClient slack, FakeSlackApi fake) {
		String team = slack.inNewTeam().teamId();
		Member ada = member(fake, team, "UOA10", "Ada");
		Member bea = member(fake, team, "UOB10", "Bea");
		Member cid = member(fake, team, "UOC10", "Cid");
		OutcomeDraft shared = new OutcomeDraft(OutcomeKind.INCIDENT_RESOLVED, "Fixed the outage", null, OutcomeSize.L,
				LocalDate.now(ZoneOffset.UTC), List.of(bea.getId(), ada.getId()), cid.getId(), null);
		OutcomeDetails outcome = this.outcomes.report(ada.getId(), shared);
		this.outcomes.confirm(outcome.id(), cid.getId());
		assertThat(points(ada)).isEqualTo(4.0);
		assertThat(points(bea)).isEqualTo(4.0);
		OutcomeDetails beasOwn = this.outcomes.report(bea.getId(), small(cid.getId()));
		// the reporter, who also listed herself, sees it once; a collaborator sees it
		// beside what she reported herself, oldest first; the confirmer does not
		assertThat(this.outcomes.forMember(ada, week())).extracting(OutcomeDetails::id).containsExactly(outcome.id());
		assertThat(this.outcomes.forMember(bea, week())).extracting(OutcomeDetails::id)
			.containsExactly(outcome.id(), beasOwn.id());
		assertThat(this.outcomes.forMember(cid, week())).isEmpty();
		assertThatExceptionOfType(OutcomeRefusedException.class).isThrownBy(
				() -> this.outcomes.confirm(this.outcomes.report(ada.getId(), small(bea.getId())).id(), cid.getId()))
			.withMessageContaining("Only the person asked");
	}

	private double points(Member member) {
		return this.outcomes.creditsOf(member.getId(), week()).stream().mapToDouble(OutcomeCredit::points).sum();
	}

	private static TimeWindow week() {
		java.time.Instant now = java.time.Instant.now();
		return new TimeWindow(now.minus(100, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS));
	}

	private Member member(FakeSlackApi fake, String team, String userId, String name) {
		fake.addUser(SlackUser.of(userId, name));
		return this.members.member(team, userId);
	}

	private static OutcomeDraft draft(String link, Long confirmerId) {
		return new OutcomeDraft(OutcomeKind.PR_MERGED, "Shipped the billing export", link, OutcomeSize.L,
				LocalDate.now(ZoneOffset.UTC), List.of(), confirmerId, null);
	}

	private static OutcomeDraft small(Long confirmerId) {
		return new OutcomeDraft(OutcomeKind.BUG_FIXED, "Fixed a bug", null, OutcomeSize.S,
				LocalDate.now(ZoneOffset.UTC), List.of(), confirmerId, null);
	}

}
