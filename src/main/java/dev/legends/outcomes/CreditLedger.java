package dev.legends.outcomes;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.legends.outcomes.OutcomeReads.Dated;
import dev.legends.workspace.ChangeVersions;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import dev.legends.workspace.PerVersion;
import dev.legends.workspace.TimeWindow;

import org.springframework.stereotype.Component;

/**
 * Each window's outcome credits, kept per workspace and window and brought up to date
 * with what changed since: every outcome change marks the outcome with the change version
 * it moved the workspace to, so a board after a confirmation reads that one outcome and
 * credits it (and the other unconfirmed outcomes its reporter reported that day, which
 * share the daily cap) instead of crediting every outcome of its window again. A window
 * is credited afresh when first asked for, after a change to the workspace's people (an
 * opt-out, a new person), when the links several reports share change, after many changes
 * at once, and at least every {@link #MAX_AGE} (for timezones from Slack's profile
 * refresh, which decide the day of the daily cap).
 */
@Component
class CreditLedger {

	/** More outcomes changed than this since a window was credited: credit it afresh. */
	private static final int MAX_CHANGES = 200;

	private static final Duration MAX_AGE = Duration.ofMinutes(10);

	/** Outcomes in order of occurrence: when they occurred, then by id. */
	private static final Comparator<Dated> OCCURRENCE = Comparator.comparing(Dated::occurredAt)
		.thenComparing((dated) -> dated.details().id());

	/** How many outcomes the kept windows may hold together. */
	private static final long MAX_OUTCOMES = 100_000;

	private final OutcomeReads reads;

	private final OutcomePoints points;

	private final Members members;

	private final ChangeVersions versions;

	/**
	 * Per workspace, the first active report of each link that several active outcomes
	 * share (only reports older than the unique active link can), read once per change
	 * version.
	 */
	private final PerVersion<Map<String, Long>> sharedLinks;

	private final Cache<Key, Window> windows = Caffeine.newBuilder()
		.maximumWeight(MAX_OUTCOMES)
		.<Key, Window>weigher((key, window) -> 1 + window.outcomes().size())
		.expireAfterWrite(MAX_AGE)
		.build();

	CreditLedger(OutcomeReads reads, OutcomePoints points, Members members, ChangeVersions versions) {
		this.reads = reads;
		this.points = points;
		this.members = members;
		this.versions = versions;
		this.sharedLinks = versions.perVersion(256, MAX_AGE);
	}

	/**
	 * The credits of the outcomes dated in a window, as of the workspace's change version
	 * now (see {@link Outcomes#credits}).
	 * @param workspaceId the workspace
	 * @param window the window
	 * @return the credits, in outcome order
	 */
	List<OutcomeCredit> credits(Long workspaceId, TimeWindow window) {
		return upToDate(workspaceId, window).credits();
	}

	/**
	 * The same credits by person (see {@link Outcomes#creditsByMember}): after a change,
	 * everyone whose credits it did not touch keeps the very same list.
	 * @param workspaceId the workspace
	 * @param window the window
	 * @return each person's credits, in outcome order
	 */
	Map<Long, List<OutcomeCredit>> creditsByMember(Long workspaceId, TimeWindow window) {
		return upToDate(workspaceId, window).byMember();
	}

	/**
	 * The outcomes a person reported or shares dated in a window, as of the workspace's
	 * change version now, when this window's credits are kept (a board or the person's
	 * week asked for them): read from what is kept, brought up to date like the credits.
	 * @param workspaceId the workspace
	 * @param memberId the person
	 * @param window the window
	 * @return the outcomes, in order of occurrence, or empty when the window is not kept
	 */
	Optional<List<OutcomeDetails>> outcomesIfKept(Long workspaceId, Long memberId, TimeWindow window) {
		if (this.windows.getIfPresent(new Key(workspaceId, window)) == null) {
			return Optional.empty();
		}
		return Optional.of(upToDate(workspaceId, window).byPerson()
			.getOrDefault(memberId, List.of())
			.stream()
			.map(Dated::details)
			.toList());
	}

	private Window upToDate(Long workspaceId, TimeWindow window) {
		// the versions first: a change committed while the outcomes are read is read
		// again with the next version
		long version = this.versions.current(workspaceId);
		long people = this.versions.people(workspaceId);
		Key key = new Key(workspaceId, window);
		Window cached = this.windows.getIfPresent(key);
		// a change to the people (a zone, an opt-out) may change any credit of the window
		Window known = (cached != null && cached.people() == people) ? cached : null;
		if (known != null && known.version() >= version) {
			return known;
		}
		Map<String, Long> shared = this.sharedLinks.get(workspaceId,
				() -> Collections.unmodifiableMap(this.reads.firstReportOfSharedLinks(workspaceId)));
		Window now = null;
		if (known != null && known.shared().equals(shared)) {
			now = apply(known, workspaceId, window, version);
		}
		if (now == null) {
			now = credit(workspaceId, window, version, people, shared);
		}
		// what a writing transaction read may be rolled back: used, not kept
		if (PerVersion.mayKeep()) {
			this.windows.asMap().merge(key, now, (a, b) -> (a.version() >= b.version()) ? a : b);
		}
		return now;
	}

	/** Forget every window (benchmarks measure windows credited afresh with it). */
	void clear() {
		this.windows.invalidateAll();
	}

	/** Credit every outcome of the window. */
	private Window credit(Long workspaceId, TimeWindow window, long version, long people, Map<String, Long> shared) {
		List<Dated> dated = this.reads.datedBetween(workspaceId, window.start(), window.end());
		Map<Long, Dated> outcomes = new HashMap<>();
		Map<Long, List<Dated>> byPerson = new HashMap<>();
		for (Dated outcome : dated) {
			outcomes.put(outcome.details().id(), outcome);
			// read in order of occurrence: each person's list is too
			participants(outcome.details())
				.forEach((id) -> byPerson.computeIfAbsent(id, (key) -> new ArrayList<>()).add(outcome));
		}
		Map<Long, List<OutcomeCredit>> byOutcome = creditAll(workspaceId, shared,
				dated.stream().map(Dated::details).toList(), null, new HashMap<>());
		Map<Long, List<OutcomeCredit>> byMember = new HashMap<>();
		byPerson.replaceAll((id, mine) -> Collections.unmodifiableList(mine));
		byPerson.forEach((id, mine) -> byMember.put(id,
				creditsOf(id, mine, (outcome) -> byOutcome.getOrDefault(outcome, List.of()))));
		return new Window(version, people, shared, BucketMap.of(outcomes), BucketMap.of(byOutcome),
				BucketMap.of(byPerson), BucketMap.of(byMember));
	}

	/**
	 * The known window with what changed since its version applied: the changed outcomes
	 * (in it, moved into or out of it) and the unconfirmed outcomes in it that share a
	 * daily cap with one of them are credited again, and the outcomes and credits of the
	 * people they concern listed again (everyone else keeps the same lists); or
	 * {@code null} when too much changed.
	 */
	private Window apply(Window known, Long workspaceId, TimeWindow window, long version) {
		List<Dated> changed = this.reads.changedSince(workspaceId, known.version());
		if (changed.size() > MAX_CHANGES) {
			return null;
		}
		Map<Long, ZoneId> zones = new HashMap<>();
		Set<Long> reporters = new HashSet<>();
		Set<String> days = new HashSet<>();
		Set<Long> again = new HashSet<>();
		boolean left = false;
		for (Dated dated : changed) {
			reporters.add(dated.details().reporterId());
			days.add(capDay(workspaceId, dated.details(), zones));
			if (window.contains(dated.occurredAt())) {
				again.add(dated.details().id());
			}
			else {
				left |= known.outcomes().containsKey(dated.details().id());
			}
		}
		// the unconfirmed outcomes in the window that share a daily cap with a changed
		// one: among their reporters' own
		for (Long reporter : reporters) {
			for (Dated dated : known.byPerson().getOrDefault(reporter, List.of())) {
				OutcomeDetails outcome = dated.details();
				if (outcome.status() == OutcomeStatus.REPORTED && outcome.reporterId().equals(reporter)
						&& days.contains(capDay(workspaceId, outcome, zones))) {
					again.add(outcome.id());
				}
			}
		}
		if (again.isEmpty() && !left) {
			// nothing in this window changed: the same credits (whose figures need no
			// computing again)
			return known.at(version);
		}
		BucketMap.Edit<Dated> outcomes = known.outcomes().edit();
		BucketMap.Edit<List<OutcomeCredit>> byOutcome = known.byOutcome().edit();
		// whose outcomes or credits change: the participants of each changed outcome,
		// before and after, and of each outcome credited again
		Set<Long> concerned = new HashSet<>();
		Map<Long, Dated> arrived = new LinkedHashMap<>();
		Set<Long> changedIds = new HashSet<>();
		for (Dated dated : changed) {
			Long id = dated.details().id();
			changedIds.add(id);
			Dated before = known.outcomes().get(id);
			if (before != null) {
				concerned.addAll(participants(before.details()));
			}
			if (window.contains(dated.occurredAt())) {
				outcomes.put(id, dated);
				arrived.put(id, dated);
			}
			else {
				outcomes.remove(id);
				byOutcome.remove(id);
			}
		}
		// each outcome credited again as it is now (one that left the window is not)
		List<OutcomeDetails> credited = again.stream()
			.map((id) -> changedIds.contains(id) ? arrived.get(id) : known.outcomes().get(id))
			.filter(Objects::nonNull)
			.sorted(OCCURRENCE)
			.map(Dated::details)
			.toList();
		credited.forEach((outcome) -> concerned.addAll(participants(outcome)));
		Map<Long, List<OutcomeCredit>> credits = creditAll(workspaceId, known.shared(), credited, reporters, zones);
		credits.forEach(byOutcome::put);
		BucketMap.Edit<List<Dated>> byPerson = known.byPerson().edit();
		BucketMap.Edit<List<OutcomeCredit>> byMember = known.byMember().edit();
		for (Long person : concerned) {
			List<Dated> mine = new ArrayList<>();
			for (Dated dated : known.byPerson().getOrDefault(person, List.of())) {
				if (!changedIds.contains(dated.details().id())) {
					mine.add(dated);
				}
			}
			for (Dated dated : arrived.values()) {
				if (participants(dated.details()).contains(person)) {
					mine.add(dated);
				}
			}
			if (mine.isEmpty()) {
				byPerson.remove(person);
				byMember.remove(person);
			}
			else {
				mine.sort(OCCURRENCE);
				byPerson.put(person, Collections.unmodifiableList(mine));
				byMember.put(person, creditsOf(person, mine, (id) -> credits.containsKey(id) ? credits.get(id)
						: known.byOutcome().getOrDefault(id, List.of())));
			}
		}
		return new Window(version, known.people(), known.shared(), outcomes.done(), byOutcome.done(), byPerson.done(),
				byMember.done());
	}

	/** Who shares an outcome's points: its reporter, then each other collaborator. */
	private static List<Long> participants(OutcomeDetails outcome) {
		List<Long> participants = new ArrayList<>(1 + outcome.collaboratorIds().size());
		participants.add(outcome.reporterId());
		outcome.collaboratorIds().stream().filter((id) -> !participants.contains(id)).forEach(participants::add);
		return participants;
	}

	/** A person's credits from their outcomes (in order), one per outcome. */
	private static List<OutcomeCredit> creditsOf(Long memberId, List<Dated> outcomes,
			Function<Long, List<OutcomeCredit>> byOutcome) {
		List<OutcomeCredit> mine = new ArrayList<>(outcomes.size());
		for (Dated dated : outcomes) {
			for (OutcomeCredit credit : byOutcome.apply(dated.details().id())) {
				if (credit.memberId().equals(memberId)) {
					mine.add(credit);
				}
			}
		}
		return Collections.unmodifiableList(mine);
	}

	/**
	 * Each outcome's credits, one per participant; {@code reporters}, when not
	 * {@code null}, are all the outcomes' reporters; {@code zones} are the reporters'
	 * timezones resolved so far in this update (filled as needed).
	 */
	private Map<Long, List<OutcomeCredit>> creditAll(Long workspaceId, Map<String, Long> shared,
			List<OutcomeDetails> outcomes, Set<Long> reporters, Map<Long, ZoneId> zones) {
		Set<Long> duplicates = duplicates(shared, outcomes);
		Map<Long, Double> allowed = pendingAllowed(workspaceId, outcomes, duplicates, reporters, zones);
		Map<Long, List<OutcomeCredit>> byOutcome = new HashMap<>();
		for (OutcomeCredit credit : this.points.credit(outcomes, duplicates, allowed)) {
			byOutcome.computeIfAbsent(credit.outcomeId(), (id) -> new ArrayList<>(1)).add(credit);
		}
		return byOutcome;
	}

	private static Set<Long> duplicates(Map<String, Long> shared, List<OutcomeDetails> outcomes) {
		// a link missing from the shared ones has one active report at most: no duplicate
		Set<Long> duplicates = new HashSet<>();
		for (OutcomeDetails outcome : outcomes) {
			Long winner = (outcome.link() != null) ? shared.get(outcome.link()) : null;
			if (winner != null && !winner.equals(outcome.id()) && outcome.status().isActive()) {
				duplicates.add(outcome.id());
			}
		}
		return duplicates;
	}

	/**
	 * The points each pending outcome may count for under its reporter's daily cap, from
	 * every outcome its reporter reported that day (in their time zone): the workspace's
	 * pending outcomes of the days concerned are read in one query, and the reporters'
	 * zones from the member directory, however many reporters and days there are.
	 */
	private Map<Long, Double> pendingAllowed(Long workspaceId, List<OutcomeDetails> outcomes, Set<Long> duplicates,
			Set<Long> reporters, Map<Long, ZoneId> zones) {
		List<OutcomeDetails> pending = outcomes.stream()
			.filter((outcome) -> outcome.status() == OutcomeStatus.REPORTED && !duplicates.contains(outcome.id()))
			.toList();
		if (pending.isEmpty()) {
			return Map.of();
		}
		Instant first = pending.stream().map(OutcomeDetails::reportedAt).min(Comparator.naturalOrder()).orElseThrow();
		Instant last = pending.stream().map(OutcomeDetails::reportedAt).max(Comparator.naturalOrder()).orElseThrow();
		// a day in any zone starts at most 14 hours before or after it does in UTC
		Map<String, List<OutcomeDetails>> byReporterAndDay = new HashMap<>();
		this.reads
			.reportedBetween(workspaceId, OutcomeStatus.REPORTED, first.minus(Duration.ofDays(2)),
					last.plus(Duration.ofDays(2)), reporters)
			.stream()
			.filter((other) -> !duplicates.contains(other.id()))
			.forEach((other) -> byReporterAndDay
				.computeIfAbsent(capDay(workspaceId, other, zones), (key) -> new ArrayList<>())
				.add(other));
		Map<Long, Double> allowed = new HashMap<>();
		Set<String> done = new HashSet<>();
		for (OutcomeDetails outcome : pending) {
			String key = capDay(workspaceId, outcome, zones);
			if (done.add(key)) {
				allowed.putAll(this.points.capPending(byReporterAndDay.getOrDefault(key, List.of())));
			}
		}
		return allowed;
	}

	/** The reporter and the day (in their zone) whose daily cap an outcome counts in. */
	private String capDay(Long workspaceId, OutcomeDetails outcome, Map<Long, ZoneId> zones) {
		ZoneId zone = zones.computeIfAbsent(outcome.reporterId(), (id) -> zoneOf(workspaceId, id));
		return outcome.reporterId() + "/" + outcome.reportedAt().atZone(zone).toLocalDate();
	}

	private ZoneId zoneOf(Long workspaceId, Long memberId) {
		Member member = this.members.directory(workspaceId).get(memberId);
		if (member == null) {
			member = this.members.findById(memberId).orElse(null);
		}
		return (member != null) ? member.getZoneId() : this.members.defaultZone();
	}

	private record Key(Long workspaceId, TimeWindow window) {

	}

	/**
	 * A window's outcomes and their credits as of a change version.
	 *
	 * @param version the change version they are up to date with (at least)
	 * @param people the people version they were credited at
	 * @param shared the links several reports shared then
	 * @param outcomes the outcomes dated in the window, by id
	 * @param byOutcome each outcome's credits
	 * @param byPerson each participant's outcomes, in order of occurrence
	 * @param byMember each participant's credits, in outcome order
	 */
	private record Window(long version, long people, Map<String, Long> shared, BucketMap<Dated> outcomes,
			BucketMap<List<OutcomeCredit>> byOutcome, BucketMap<List<Dated>> byPerson,
			BucketMap<List<OutcomeCredit>> byMember) {

		/** The same outcomes and credits, up to date with a later version. */
		Window at(long later) {
			return new Window(later, this.people, this.shared, this.outcomes, this.byOutcome, this.byPerson,
					this.byMember);
		}

		/**
		 * Every credit, in outcome order (built when asked for: boards and a person's
		 * week use {@link #byMember()}).
		 */
		List<OutcomeCredit> credits() {
			List<Dated> ordered = new ArrayList<>(this.outcomes.values());
			ordered.sort(OCCURRENCE);
			List<OutcomeCredit> all = new ArrayList<>();
			ordered.forEach((dated) -> all.addAll(this.byOutcome.getOrDefault(dated.details().id(), List.of())));
			return Collections.unmodifiableList(all);
		}

	}

}
