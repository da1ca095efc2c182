package dev.legends.outcomes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.legends.workspace.ChangeVersions;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import dev.legends.workspace.RetryingTransactions;
import dev.legends.workspace.TimeWindow;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outcomes as other modules use them: report, edit, confirm, reject, withdraw, find and
 * list, and the points each person is credited in a period, with reasons. Every rule (who
 * may decide, one link counts once, the daily cap, the weekly confirmer limit) is checked
 * here, whatever the caller.
 */
@Service
@Transactional
public class Outcomes {

	static final int MAX_TITLE = 150;

	static final int MAX_NOTES = 2000;

	static final int MAX_REASON = 500;

	private static final LocalTime OCCURRED_TIME = LocalTime.NOON;

	private final OutcomeRepository outcomes;

	private final Members members;

	private final OutcomePoints points;

	private final ObjectProvider<ManagerDirectory> managerDirectories;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RetryingTransactions transactions;

	private final TransactionTemplate readOnly;

	private final CreditLedger ledger;

	private final OutcomeReads reads;

	private final ChangeVersions versions;

	Outcomes(OutcomeRepository outcomes, Members members, OutcomePoints points,
			ObjectProvider<ManagerDirectory> managerDirectories, ApplicationEventPublisher events,
			Optional<Clock> clock, RetryingTransactions transactions, PlatformTransactionManager transactionManager,
			ChangeVersions versions, OutcomeReads reads, CreditLedger ledger) {
		this.reads = reads;
		this.versions = versions;
		this.ledger = ledger;
		this.transactions = transactions;
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
		this.outcomes = outcomes;
		this.members = members;
		this.points = points;
		this.managerDirectories = managerDirectories;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Check a report (or an edit) without storing anything.
	 * @param reporterId the member reporting
	 * @param draft what they filled in
	 * @param editingId the outcome being edited, or {@code null} for a new report
	 * @return the problems, empty when the report may be stored
	 */
	@Transactional(readOnly = true)
	public List<OutcomeProblem> validate(Long reporterId, OutcomeDraft draft, Long editingId) {
		Member reporter = member(reporterId);
		List<OutcomeProblem> problems = new ArrayList<>();
		checkTitle(draft, problems);
		if (draft.kind() == null) {
			problems.add(new OutcomeProblem(OutcomeField.KIND, "Pick what kind of outcome this is."));
		}
		if (draft.size() == null) {
			problems.add(new OutcomeProblem(OutcomeField.SIZE, "Pick a size."));
		}
		checkLink(reporter, draft, editingId, problems);
		checkDate(reporter, draft, problems);
		checkPeople(reporter, draft, problems);
		if (draft.notes() != null && draft.notes().length() > MAX_NOTES) {
			problems.add(new OutcomeProblem(OutcomeField.NOTES,
					"Keep the notes to " + MAX_NOTES + " characters (these have " + draft.notes().length() + ")."));
		}
		if (editingId == null && draft.size() != null && dailyCapReached(reporter)) {
			problems.add(new OutcomeProblem(OutcomeField.SIZE,
					"You've reached today's cap of " + OutcomePoints.format(this.points.settings().dailyPendingCap())
							+ " unconfirmed points. Ask a teammate to confirm your earlier reports, "
							+ "or report this tomorrow."));
		}
		return problems;
	}

	/**
	 * Report an outcome; it counts at the pending rate until confirmed.
	 * @param reporterId the member reporting
	 * @param draft what they filled in
	 * @return the stored outcome
	 * @throws InvalidOutcomeException when the report has problems (nothing is stored)
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public OutcomeDetails report(Long reporterId, OutcomeDraft draft) {
		return storeOnce(reporterId, draft, null, () -> {
			requireValid(reporterId, draft, null);
			Member reporter = member(reporterId);
			Outcome outcome = new Outcome(reporter.getWorkspaceId(), reporterId, now());
			apply(outcome, reporter, draft);
			outcome = this.outcomes.saveAndFlush(outcome);
			changed(outcome);
			this.events.publishEvent(new OutcomeReported(outcome.getId(), outcome.getWorkspaceId(), reporterId));
			return outcome.details();
		});
	}

	/**
	 * Change an unconfirmed outcome; only its reporter may.
	 * @param outcomeId the outcome
	 * @param editorId who edits
	 * @param draft the new values
	 * @return the changed outcome
	 * @throws OutcomeRefusedException when they may not edit it
	 * @throws InvalidOutcomeException when the new values have problems
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public OutcomeDetails edit(Long outcomeId, Long editorId, OutcomeDraft draft) {
		return storeOnce(editorId, draft, outcomeId, () -> {
			Outcome outcome = open(outcomeId, editorId, "edit");
			requireValid(editorId, draft, outcomeId);
			apply(outcome, member(editorId), draft);
			Outcome saved = this.outcomes.saveAndFlush(outcome);
			changed(saved);
			this.events.publishEvent(new OutcomeEdited(outcomeId, saved.getWorkspaceId(), editorId));
			return saved.details();
		});
	}

	/**
	 * Withdraw an unconfirmed outcome; only its reporter may.
	 * @param outcomeId the outcome
	 * @param memberId who withdraws
	 * @return the withdrawn outcome
	 * @throws OutcomeRefusedException when they may not withdraw it
	 */
	public OutcomeDetails withdraw(Long outcomeId, Long memberId) {
		Outcome outcome = open(outcomeId, memberId, "withdraw");
		outcome.decide(OutcomeStatus.WITHDRAWN, memberId, null, now());
		changed(outcome);
		this.events.publishEvent(new OutcomeWithdrawn(outcomeId, outcome.getWorkspaceId(), memberId));
		return this.outcomes.save(outcome).details();
	}

	/**
	 * Confirm an outcome: it then counts fully.
	 * @param outcomeId the outcome
	 * @param deciderId who confirms
	 * @return the confirmed outcome
	 * @throws OutcomeRefusedException when they may not confirm it (their own, a shared
	 * one, already decided, not asked, or over the weekly confirmer limit)
	 */
	public OutcomeDetails confirm(Long outcomeId, Long deciderId) {
		Outcome outcome = decidable(outcomeId, deciderId, "confirm");
		checkWeeklyLimit(outcome, deciderId);
		outcome.decide(OutcomeStatus.CONFIRMED, deciderId, null, now());
		Outcome saved = this.outcomes.saveAndFlush(outcome);
		changed(saved);
		this.events
			.publishEvent(new OutcomeConfirmed(outcomeId, saved.getWorkspaceId(), saved.getReporterId(), deciderId));
		return saved.details();
	}

	/**
	 * Reject an outcome with a reason: it then counts zero.
	 * @param outcomeId the outcome
	 * @param deciderId who rejects
	 * @param reason why, shown to the reporter
	 * @return the rejected outcome
	 * @throws OutcomeRefusedException when they may not reject it or gave no reason
	 */
	public OutcomeDetails reject(Long outcomeId, Long deciderId, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new OutcomeRefusedException("Please say why, so the reporter knows what to change.");
		}
		if (reason.strip().length() > MAX_REASON) {
			throw new OutcomeRefusedException("Keep the reason to " + MAX_REASON + " characters.");
		}
		Outcome outcome = decidable(outcomeId, deciderId, "reject");
		outcome.decide(OutcomeStatus.REJECTED, deciderId, reason.strip(), now());
		Outcome saved = this.outcomes.saveAndFlush(outcome);
		changed(saved);
		this.events.publishEvent(new OutcomeRejected(outcomeId, saved.getWorkspaceId(), saved.getReporterId(),
				deciderId, reason.strip()));
		return saved.details();
	}

	/**
	 * Check, without changing anything, that a person may confirm or reject an outcome
	 * (e.g. before asking them for a reason).
	 * @param outcomeId the outcome
	 * @param deciderId who wants to decide
	 * @throws OutcomeRefusedException when they may not
	 */
	@Transactional(readOnly = true)
	public void checkDecider(Long outcomeId, Long deciderId) {
		decidable(outcomeId, deciderId, "reject");
	}

	/**
	 * Check, without changing anything, that a person may edit or withdraw an outcome.
	 * @param outcomeId the outcome
	 * @param memberId who wants to change it
	 * @return the outcome
	 * @throws OutcomeRefusedException when they may not
	 */
	@Transactional(readOnly = true)
	public OutcomeDetails checkEditable(Long outcomeId, Long memberId) {
		return open(outcomeId, memberId, "edit").details();
	}

	/**
	 * Find an outcome.
	 * @param outcomeId the id
	 * @return the outcome, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<OutcomeDetails> find(Long outcomeId) {
		return this.outcomes.findById(outcomeId).map(Outcome::details);
	}

	/**
	 * The outcomes a member reported or shares, dated in a window.
	 * @param member the member
	 * @param window the window
	 * @return the outcomes, oldest first
	 */
	@Transactional(readOnly = true)
	public List<OutcomeDetails> forMember(Member member, TimeWindow window) {
		// a week whose credits are kept (the person's week: App Home, /legends me) is
		// read from them, not from the database
		Long memberId = member.getId();
		Optional<List<OutcomeDetails>> kept = this.ledger.outcomesIfKept(member.getWorkspaceId(), memberId, window);
		if (kept.isPresent()) {
			return kept.get();
		}
		Map<Long, Outcome> mine = new LinkedHashMap<>();
		Stream
			.concat(this.outcomes.findReportedBy(memberId, window.start(), window.end()).stream(),
					this.outcomes.findSharedWith(memberId, window.start(), window.end()).stream())
			.forEach((outcome) -> mine.putIfAbsent(outcome.getId(), outcome));
		return mine.values()
			.stream()
			.sorted(Comparator.comparing(Outcome::getOccurredAt).thenComparing(Outcome::getId))
			.map(Outcome::details)
			.toList();
	}

	/**
	 * Every outcome of a workspace dated in a window.
	 * @param workspaceId the workspace
	 * @param window the window
	 * @return the outcomes, oldest first
	 */
	@Transactional(readOnly = true)
	public List<OutcomeDetails> inWorkspace(Long workspaceId, TimeWindow window) {
		return this.reads.occurredBetween(workspaceId, window.start(), window.end());
	}

	/**
	 * The points each person is credited for outcomes dated in a window, one entry per
	 * person and outcome, with the reason it counted as much as it did (confirmed,
	 * pending, capped by the daily cap, rejected, withdrawn, duplicate link).
	 * @param workspaceId the workspace
	 * @param window the window
	 * @return the credits, in outcome order
	 */
	@Transactional(readOnly = true)
	public List<OutcomeCredit> credits(Long workspaceId, TimeWindow window) {
		return this.ledger.credits(workspaceId, window);
	}

	/**
	 * The same credits by person: each person's credits in outcome order. After a change,
	 * everyone whose credits it did not touch keeps the very same list, so that what is
	 * computed from a person's credits can be kept as long as the list is the same.
	 * @param workspaceId the workspace
	 * @param window the window
	 * @return credits by member, for everyone credited in the window
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<OutcomeCredit>> creditsByMember(Long workspaceId, TimeWindow window) {
		return this.ledger.creditsByMember(workspaceId, window);
	}

	/**
	 * Forget every window's credits kept on this instance (benchmarks measure windows
	 * credited afresh with it; changes need not call it, see {@link CreditLedger}).
	 */
	public void forgetCredits() {
		this.ledger.clear();
	}

	/**
	 * The credits of one member in a window (see {@link #credits(Long, TimeWindow)}).
	 * @param memberId the member
	 * @param window the window
	 * @return their credits
	 */
	@Transactional(readOnly = true)
	public List<OutcomeCredit> creditsOf(Long memberId, TimeWindow window) {
		Member member = member(memberId);
		return creditsByMember(member.getWorkspaceId(), window).getOrDefault(memberId, List.of());
	}

	/**
	 * Who should be asked to confirm an outcome: the confirmer named in it, else the
	 * managers of the reporter (admins when no teams module says otherwise), else the
	 * admins; never the reporter or a collaborator.
	 * @param outcomeId the outcome
	 * @return member ids, possibly empty
	 */
	@Transactional(readOnly = true)
	public List<Long> confirmationRecipients(Long outcomeId) {
		OutcomeDetails outcome = this.outcomes.findById(outcomeId).map(Outcome::details).orElseThrow();
		if (outcome.confirmerId() != null && !outcome.involves(outcome.confirmerId())) {
			return List.of(outcome.confirmerId());
		}
		return managersFor(outcomeId);
	}

	/**
	 * Who may confirm an outcome as a manager: the reporter's managers (admins when no
	 * teams module says otherwise), else the admins; never the reporter or a
	 * collaborator.
	 * @param outcomeId the outcome
	 * @return member ids, possibly empty
	 */
	@Transactional(readOnly = true)
	public List<Long> managersFor(Long outcomeId) {
		OutcomeDetails outcome = this.outcomes.findById(outcomeId).map(Outcome::details).orElseThrow();
		List<Long> managers = managersOf(outcome).stream().filter((id) -> !outcome.involves(id)).toList();
		if (!managers.isEmpty()) {
			return managers;
		}
		return admins(outcome.workspaceId()).stream().filter((id) -> !outcome.involves(id)).toList();
	}

	/**
	 * The points a size earns when confirmed, for showing in forms.
	 * @param size the size
	 * @return the points
	 */
	public double pointsOf(OutcomeSize size) {
		return this.points.points(size);
	}

	/**
	 * Store a report or an edit in a transaction of its own. When another report of the
	 * same link was stored at the same moment (the link's unique key refuses this one),
	 * the next attempt refuses it like any link reported before, naming the report that
	 * counts.
	 */
	private OutcomeDetails storeOnce(Long memberId, OutcomeDraft draft, Long editingId,
			Supplier<OutcomeDetails> store) {
		try {
			return this.transactions.execute((status) -> {
				// One report or edit of this person at a time: the daily cap counts those
				// committed before it.
				this.members.lockForLimits(memberId);
				return store.get();
			});
		}
		catch (DataIntegrityViolationException ex) {
			this.readOnly.executeWithoutResult((status) -> requireValid(memberId, draft, editingId));
			throw ex;
		}
	}

	/**
	 * Move the workspace's change version and mark the outcome as changed at it, in the
	 * change's transaction: every instance's boards of the workspace are recomputed
	 * before they are used again, and their outcome credits from only what changed.
	 */
	private void changed(Outcome outcome) {
		long version = this.versions.bumpAndGet(outcome.getWorkspaceId());
		this.reads.markChanged(outcome.getId(), version);
	}

	private void requireValid(Long reporterId, OutcomeDraft draft, Long editingId) {
		List<OutcomeProblem> problems = validate(reporterId, draft, editingId);
		if (!problems.isEmpty()) {
			throw new InvalidOutcomeException(problems);
		}
	}

	private void apply(Outcome outcome, Member reporter, OutcomeDraft draft) {
		String link = Links.normalise(draft.link()).orElse(null);
		Instant occurredAt = draft.date().atTime(OCCURRED_TIME).atZone(reporter.getZoneId()).toInstant();
		outcome.apply(draft, link, occurredAt, now());
	}

	private void checkTitle(OutcomeDraft draft, List<OutcomeProblem> problems) {
		String title = (draft.title() != null) ? draft.title().strip() : "";
		if (title.isEmpty()) {
			problems.add(new OutcomeProblem(OutcomeField.TITLE, "Give the outcome a title."));
		}
		else if (title.length() > MAX_TITLE) {
			problems.add(new OutcomeProblem(OutcomeField.TITLE,
					"Keep the title to " + MAX_TITLE + " characters (this one has " + title.length() + ")."));
		}
	}

	private void checkLink(Member reporter, OutcomeDraft draft, Long editingId, List<OutcomeProblem> problems) {
		if (draft.link() == null || draft.link().isBlank()) {
			return;
		}
		if (draft.link().strip().length() > Links.MAX_LENGTH) {
			problems.add(new OutcomeProblem(OutcomeField.LINK,
					"That link is too long (over " + Links.MAX_LENGTH + " characters)."));
			return;
		}
		Optional<String> link = Links.normalise(draft.link());
		if (link.isEmpty()) {
			problems.add(new OutcomeProblem(OutcomeField.LINK, "Use a link that starts with http:// or https://."));
			return;
		}
		this.outcomes
			.findByLinks(reporter.getWorkspaceId(), List.of(link.get()),
					List.of(OutcomeStatus.REPORTED, OutcomeStatus.CONFIRMED))
			.stream()
			.filter((other) -> !other.getId().equals(editingId))
			.findFirst()
			.ifPresent(
					(other) -> problems.add(new OutcomeProblem(OutcomeField.LINK, alreadyReported(reporter, other))));
	}

	private String alreadyReported(Member reporter, Outcome other) {
		OutcomeDetails details = other.details();
		String who = details.reporterId().equals(reporter.getId()) ? "you"
				: this.members.findById(details.reporterId()).map(Member::getDisplayName).orElse("someone");
		return "This link was already reported by " + who + " on " + details.date() + " (\"" + shorten(details.title())
				+ "\"). One link counts once.";
	}

	private void checkDate(Member reporter, OutcomeDraft draft, List<OutcomeProblem> problems) {
		if (draft.date() == null) {
			problems.add(new OutcomeProblem(OutcomeField.DATE, "Pick the day it happened."));
			return;
		}
		LocalDate today = LocalDate.now(this.clock.withZone(reporter.getZoneId()));
		int maxDaysBack = this.points.settings().maxDaysBack();
		if (draft.date().isAfter(today)) {
			problems
				.add(new OutcomeProblem(OutcomeField.DATE, "That date is in the future: report it once it's done."));
		}
		else if (draft.date().isBefore(today.minusDays(maxDaysBack))) {
			problems
				.add(new OutcomeProblem(OutcomeField.DATE, "Pick a date within the last " + maxDaysBack + " days."));
		}
	}

	private void checkPeople(Member reporter, OutcomeDraft draft, List<OutcomeProblem> problems) {
		Set<Long> collaborators = new LinkedHashSet<>(draft.collaboratorIds());
		collaborators.remove(reporter.getId());
		int max = this.points.settings().maxCollaborators();
		if (collaborators.size() > max) {
			problems.add(new OutcomeProblem(OutcomeField.COLLABORATORS, "Name at most " + max + " collaborators."));
		}
		if (Objects.equals(draft.confirmerId(), reporter.getId())) {
			problems.add(new OutcomeProblem(OutcomeField.CONFIRMER,
					"You can't confirm your own outcome: pick a teammate, or leave this empty to ask your manager."));
		}
		else if (draft.confirmerId() != null && collaborators.contains(draft.confirmerId())) {
			problems.add(new OutcomeProblem(OutcomeField.CONFIRMER,
					"A collaborator shares the points, so they can't confirm it: pick someone else."));
		}
	}

	private boolean dailyCapReached(Member reporter) {
		List<OutcomeDetails> today = reportedToday(reporter);
		return this.points.pendingUsed(today) >= this.points.settings().dailyPendingCap();
	}

	private List<OutcomeDetails> reportedToday(Member reporter) {
		ZoneId zone = reporter.getZoneId();
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		return reportedOn(reporter.getId(), today, zone);
	}

	private List<OutcomeDetails> reportedOn(Long reporterId, LocalDate day, ZoneId zone) {
		return this.outcomes
			.findReportedBetween(reporterId, OutcomeStatus.REPORTED, day.atStartOfDay(zone).toInstant(),
					day.plusDays(1).atStartOfDay(zone).toInstant())
			.stream()
			.map(Outcome::details)
			.toList();
	}

	private Outcome open(Long outcomeId, Long memberId, String verb) {
		Outcome outcome = this.outcomes.findById(outcomeId)
			.orElseThrow(() -> new OutcomeRefusedException("That outcome no longer exists."));
		if (!outcome.getReporterId().equals(memberId)) {
			throw new OutcomeRefusedException("Only the person who reported an outcome can " + verb + " it.");
		}
		if (outcome.getStatus() != OutcomeStatus.REPORTED) {
			throw new OutcomeRefusedException("You can't " + verb + " it any more: it is already "
					+ outcome.getStatus().name().toLowerCase() + ".");
		}
		return outcome;
	}

	private Outcome decidable(Long outcomeId, Long deciderId, String verb) {
		Outcome outcome = this.outcomes.findById(outcomeId)
			.orElseThrow(() -> new OutcomeRefusedException("That outcome no longer exists."));
		OutcomeDetails details = outcome.details();
		if (details.reporterId().equals(deciderId)) {
			throw new OutcomeRefusedException(
					"You can't " + verb + " your own outcome. A teammate or your manager has to; nothing was changed.");
		}
		if (details.collaboratorIds().contains(deciderId)) {
			throw new OutcomeRefusedException(
					"You share this outcome's points, so someone else has to " + verb + " it; nothing was changed.");
		}
		if (details.status() != OutcomeStatus.REPORTED) {
			throw new OutcomeRefusedException("This outcome was already " + decidedBy(details) + ".");
		}
		if (!Objects.equals(details.confirmerId(), deciderId) && !isManagerOrAdmin(details, deciderId)) {
			throw new OutcomeRefusedException("Only the person asked to confirm it, a manager or an admin can " + verb
					+ " this outcome; nothing was changed.");
		}
		return outcome;
	}

	private String decidedBy(OutcomeDetails details) {
		String status = details.status().name().toLowerCase();
		if (details.status() == OutcomeStatus.WITHDRAWN) {
			return "withdrawn by its reporter";
		}
		return status + Optional.ofNullable(details.decidedById())
			.flatMap(this.members::findById)
			.map((member) -> " by " + member.getDisplayName())
			.orElse("");
	}

	private void checkWeeklyLimit(Outcome outcome, Long deciderId) {
		OutcomeDetails details = outcome.details();
		if (isManagerOrAdmin(details, deciderId)) {
			return;
		}
		int limit = this.points.settings().confirmerWeeklyLimit();
		// One decision of this confirmer at a time, so that simultaneous clicks each
		// count
		// the confirmations committed before them.
		this.members.lockForLimits(deciderId);
		TimeWindow week = TimeWindow.isoWeekOf(now(), this.members.defaultZone());
		long confirmed = this.outcomes.countDecided(details.reporterId(), deciderId, OutcomeStatus.CONFIRMED,
				week.start(), week.end());
		if (confirmed >= limit) {
			String name = this.members.findById(details.reporterId()).map(Member::getDisplayName).orElse("this person");
			throw new ConfirmerLimitReachedException("You've already confirmed " + confirmed + " of " + name
					+ "'s outcomes this week (the limit is " + limit + "), so a manager has to confirm this one. "
					+ "It stays open for them; nothing was changed.");
		}
	}

	private boolean isManagerOrAdmin(OutcomeDetails outcome, Long memberId) {
		if (managersOf(outcome).contains(memberId)) {
			return true;
		}
		return this.members.findById(memberId).map(this.members::isAdmin).orElse(false);
	}

	private List<Long> managersOf(OutcomeDetails outcome) {
		ManagerDirectory directory = this.managerDirectories.getIfAvailable();
		List<Long> managers = (directory != null) ? directory.managersOf(outcome.workspaceId(), outcome.reporterId())
				: List.of();
		return (managers.isEmpty()) ? admins(outcome.workspaceId()) : managers;
	}

	private List<Long> admins(Long workspaceId) {
		return this.members.all(workspaceId).stream().filter(this.members::isAdmin).map(Member::getId).toList();
	}

	private Member member(Long memberId) {
		return this.members.findById(memberId).orElseThrow(() -> new IllegalArgumentException("No member " + memberId));
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static String shorten(String title) {
		return (title.length() > 60) ? title.substring(0, 60) + "…" : title;
	}

}
