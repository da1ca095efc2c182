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
import java.util.Optional;
import java.util.Set;

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

	/**
	 * Each kept window's outcomes by person, computed when a person's week is first asked
	 * for, per outcomes read (a window no change touched keeps the same).
	 */
	private final Cache<Map<Long, Dated>, Map<Long, List<OutcomeDetails>>> byPerson = Caffeine.newBuilder()
		.weakKeys()
		.maximumSize(1_000)
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
		Map<Long, Dated> outcomes = upToDate(workspaceId, window).outcomes();
		return Optional.of(this.byPerson.get(outcomes, CreditLedger::byPerson).getOrDefault(memberId, List.of()));
	}

	/** Each outcome under its reporter and each person it is shared with. */
	private static Map<Long, List<OutcomeDetails>> byPerson(Map<Long, Dated> outcomes) {
		Map<Long, List<OutcomeDetails>> byPerson = new HashMap<>();
		outcomes.values().forEach((dated) -> {
			OutcomeDetails details = dated.details();
			byPerson.computeIfAbsent(details.reporterId(), (id) -> new ArrayList<>()).add(details);
			details.collaboratorIds()
				.stream()
				.filter((id) -> !id.equals(details.reporterId()))
				.distinct()
				.forEach((id) -> byPerson.computeIfAbsent(id, (key) -> new ArrayList<>()).add(details));
		});
		return Collections.unmodifiableMap(byPerson);
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
		Map<Long, Dated> outcomes = new LinkedHashMap<>();
		this.reads.datedBetween(workspaceId, window.start(), window.end())
			.forEach((dated) -> outcomes.put(dated.details().id(), dated));
		Map<Long, List<OutcomeCredit>> byOutcome = creditAll(workspaceId, shared,
				outcomes.values().stream().map(Dated::details).toList(), null, new HashMap<>());
		return Window.of(version, people, shared, outcomes, byOutcome);
	}

	/**
	 * The known window with what changed since its version applied: the changed outcomes
	 * (in it, moved into or out of it) and the unconfirmed outcomes in it that share a
	 * daily cap with one of them are credited again; or {@code null} when too much
	 * changed.
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
		// one
		known.outcomes()
			.values()
			.stream()
			.map(Dated::details)
			.filter((outcome) -> outcome.status() == OutcomeStatus.REPORTED && reporters.contains(outcome.reporterId()))
			.filter((outcome) -> days.contains(capDay(workspaceId, outcome, zones)))
			.forEach((outcome) -> again.add(outcome.id()));
		if (again.isEmpty() && !left) {
			// nothing in this window changed: the same credits (whose figures need no
			// computing again)
			return new Window(version, known.people(), known.shared(), known.outcomes(), known.byOutcome(),
					known.credits());
		}
		Map<Long, Dated> outcomes = new LinkedHashMap<>(known.outcomes());
		Map<Long, List<OutcomeCredit>> byOutcome = new HashMap<>(known.byOutcome());
		boolean reorder = false;
		for (Dated dated : changed) {
			Long id = dated.details().id();
			Dated before;
			if (window.contains(dated.occurredAt())) {
				before = outcomes.put(id, dated);
				reorder |= (before == null) || !before.occurredAt().equals(dated.occurredAt());
			}
			else {
				outcomes.remove(id);
				byOutcome.remove(id);
			}
		}
		byOutcome.putAll(creditAll(workspaceId, known.shared(),
				outcomes.values().stream().map(Dated::details).filter((o) -> again.contains(o.id())).toList(),
				reporters, zones));
		if (reorder) {
			List<Dated> ordered = new ArrayList<>(outcomes.values());
			ordered.sort(Comparator.comparing(Dated::occurredAt).thenComparing((dated) -> dated.details().id()));
			outcomes.clear();
			ordered.forEach((dated) -> outcomes.put(dated.details().id(), dated));
		}
		return Window.of(version, known.people(), known.shared(), outcomes, byOutcome);
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
	 * @param outcomes the outcomes dated in the window, in order of occurrence
	 * @param byOutcome each outcome's credits
	 * @param credits the credits, in outcome order
	 */
	private record Window(long version, long people, Map<String, Long> shared, Map<Long, Dated> outcomes,
			Map<Long, List<OutcomeCredit>> byOutcome, List<OutcomeCredit> credits) {

		static Window of(long version, long people, Map<String, Long> shared, Map<Long, Dated> outcomes,
				Map<Long, List<OutcomeCredit>> byOutcome) {
			List<OutcomeCredit> credits = new ArrayList<>();
			outcomes.keySet().forEach((id) -> credits.addAll(byOutcome.getOrDefault(id, List.of())));
			return new Window(version, people, shared, Collections.unmodifiableMap(outcomes),
					Collections.unmodifiableMap(byOutcome), Collections.unmodifiableList(credits));
		}

	}

}
