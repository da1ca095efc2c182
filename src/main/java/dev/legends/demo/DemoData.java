package dev.legends.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.legends.demo.DemoPeople.DemoTeam;
import dev.legends.digest.DigestSchedules;
import dev.legends.digest.DigestSection;
import dev.legends.digest.ScheduleSettings;
import dev.legends.outcomes.OutcomeDetails;
import dev.legends.outcomes.OutcomeDraft;
import dev.legends.outcomes.OutcomeKind;
import dev.legends.outcomes.OutcomeSize;
import dev.legends.outcomes.Outcomes;
import dev.legends.teams.GoalDraft;
import dev.legends.teams.GoalPeriod;
import dev.legends.teams.Goals;
import dev.legends.teams.Team;
import dev.legends.teams.TeamChange;
import dev.legends.teams.Teams;
import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;
import dev.legends.usage.UsageLedger;
import dev.legends.workspace.Member;
import dev.legends.workspace.TimeWindow;

import org.springframework.stereotype.Component;

/**
 * Keeps the demo workspace telling its story on any day: two teams with managers, goals
 * and digest schedules, and usage and outcomes in every status for the last eight weeks
 * and this one, relative to today. It runs on every start and adds only what is missing
 * (usage by its record ids, outcomes by their links), so restarts never duplicate and
 * this week and last week are never empty. Tok N. Burner uses 20 times the tokens and
 * ships nothing.
 */
@Component
class DemoData {

	static final int WEEKS = 8;

	/** Uncached input tokens per working day, per person: the burner uses 20x. */
	private static final Map<String, Long> DAILY_INPUT = Map.of(DemoPeople.ADA, 300_000L, DemoPeople.GRACE, 400_000L,
			DemoPeople.LINUS, 200_000L, DemoPeople.MARGARET, 250_000L, DemoPeople.KEN, 150_000L, DemoPeople.BURNER,
			6_000_000L, DemoPeople.BARBARA, 220_000L, DemoPeople.DENNIS, 180_000L, DemoPeople.FRANCES, 260_000L,
			DemoPeople.ALAN, 120_000L);

	private static final OutcomeSize[] SIZES = { OutcomeSize.S, OutcomeSize.M, OutcomeSize.M, OutcomeSize.L };

	private static final List<Work> WORK = List.of(new Work(OutcomeKind.PR_MERGED, "Billing export ships CSV and JSON"),
			new Work(OutcomeKind.BUG_FIXED, "Fixed the timezone bug in invoices"),
			new Work(OutcomeKind.INCIDENT_RESOLVED, "Restored the build cache after the outage"),
			new Work(OutcomeKind.DOC, "Runbook for the release train"),
			new Work(OutcomeKind.CUSTOMER_TICKET, "Answered the data-retention question"),
			new Work(OutcomeKind.EXPERIMENT, "Tried a smaller model for code review"),
			new Work(OutcomeKind.PR_MERGED, "Search results load in half the time"),
			new Work(OutcomeKind.BUG_FIXED, "Retries no longer double-charge cards"),
			new Work(OutcomeKind.PR_MERGED, "Feature flags for the new onboarding"),
			new Work(OutcomeKind.OTHER, "Interviewed five customers about exports"));

	private final UsageLedger usage;

	private final Outcomes outcomes;

	private final Teams teams;

	private final Goals goals;

	private final DigestSchedules digests;

	private final Clock clock;

	DemoData(UsageLedger usage, Outcomes outcomes, Teams teams, Goals goals, DigestSchedules digests,
			Optional<Clock> clock) {
		this.usage = usage;
		this.outcomes = outcomes;
		this.teams = teams;
		this.goals = goals;
		this.digests = digests;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Add whatever the demo story is missing today.
	 * @param people the demo members by Slack user id
	 * @return what was added
	 */
	Added topUp(Map<String, Member> people) {
		Member ada = people.get(DemoPeople.ADA);
		Long workspaceId = ada.getWorkspaceId();
		int teamsAdded = 0;
		for (DemoTeam demoTeam : List.of(DemoPeople.PLATFORM, DemoPeople.PRODUCT)) {
			if (this.teams.findByName(workspaceId, demoTeam.name()).isEmpty()) {
				teamsAdded++;
			}
			Team team = team(demoTeam, people, ada);
			Member manager = people.get(demoTeam.managers().get(0));
			goal(team, demoTeam, manager);
			digest(workspaceId, team, demoTeam, manager);
		}
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneId.of("UTC")));
		int usageAdded = this.usage.ingest(workspaceId, usage(today)).accepted();
		int outcomesAdded = outcomes(people, today);
		return new Added(teamsAdded, usageAdded, outcomesAdded);
	}

	private Team team(DemoTeam demoTeam, Map<String, Member> people, Member admin) {
		Optional<Team> existing = this.teams.findByName(admin.getWorkspaceId(), demoTeam.name());
		if (existing.isPresent()) {
			return existing.get();
		}
		return this.teams.save(new TeamChange(null, admin.getWorkspaceId(), demoTeam.name(),
				ids(demoTeam.members(), people), ids(demoTeam.managers(), people), null, demoTeam.channel()), admin);
	}

	private void goal(Team team, DemoTeam demoTeam, Member manager) {
		if (this.goals.latest(team.id()).isPresent()) {
			return;
		}
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneId.of("UTC")));
		GoalDraft draft = (demoTeam == DemoPeople.PLATFORM)
				? new GoalDraft(GoalPeriod.WEEK, 20, 6, new BigDecimal("15.00"), 60,
						today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
				: new GoalDraft(GoalPeriod.MONTH, 60, 15, null, 50, today.withDayOfMonth(1));
		if (this.goals.problems(draft).isEmpty()) {
			this.goals.set(team.id(), draft, manager);
		}
	}

	private void digest(Long workspaceId, Team team, DemoTeam demoTeam, Member owner) {
		if (this.digests.find(workspaceId, demoTeam.channel()).isPresent()) {
			return;
		}
		boolean platform = demoTeam == DemoPeople.PLATFORM;
		this.digests.save(workspaceId, demoTeam.channel(),
				new ScheduleSettings(team.id(), platform ? DayOfWeek.MONDAY : DayOfWeek.FRIDAY,
						platform ? LocalTime.of(9, 0) : LocalTime.of(16, 0), this.digests.defaultZone(),
						EnumSet.allOf(DigestSection.class), owner.getId()));
	}

	private List<UsageInput> usage(LocalDate today) {
		List<UsageInput> records = new ArrayList<>();
		Instant now = this.clock.instant();
		LocalDate first = monday(today).minusWeeks(WEEKS);
		for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
			Instant dayStart = day.atStartOfDay(ZoneId.of("UTC")).toInstant();
			Instant start = dayStart.plus(Duration.ofHours(9));
			if (start.isAfter(now)) {
				start = dayStart;
			}
			boolean weekend = day.getDayOfWeek().getValue() >= 6;
			for (Map.Entry<String, Long> person : DAILY_INPUT.entrySet()) {
				int variation = Math.floorMod((person.getKey() + monday(day)).hashCode(), 9);
				long input = person.getValue() * (6 + variation) / 10 / (weekend ? 4 : 1);
				records
					.add(new UsageInput("demo-" + person.getKey() + "-" + day, UsageIdentity.slackId(person.getKey()),
							"claude-code", "claude-sonnet-4-5", start, start.plus(Duration.ofMinutes(59)), input,
							input / 4, input * 6, input / 2, 0, input / 4_000 + 1, null));
			}
		}
		return records;
	}

	private int outcomes(Map<String, Member> people, LocalDate today) {
		Long workspaceId = people.get(DemoPeople.ADA).getWorkspaceId();
		Instant from = monday(today).minusWeeks(WEEKS + 1).atStartOfDay(ZoneId.of("UTC")).toInstant();
		Set<String> links = this.outcomes
			.inWorkspace(workspaceId, new TimeWindow(from, this.clock.instant().plus(Duration.ofDays(2))))
			.stream()
			.map(OutcomeDetails::link)
			.filter((link) -> link != null)
			.collect(Collectors.toCollection(HashSet::new));
		int added = 0;
		for (int week = WEEKS; week >= 0; week--) {
			LocalDate monday = monday(today).minusWeeks(week);
			for (int index = 0; index < DemoPeople.ALL.size(); index++) {
				DemoPeople.Person person = DemoPeople.ALL.get(index);
				if (person.id().equals(DemoPeople.BURNER)) {
					continue;
				}
				int count = 1 + Math.floorMod(index + week, 2);
				for (int slot = 0; slot < count; slot++) {
					Planned planned = plan(person, index, week, slot, monday, today);
					if (links.add(planned.link()) && report(planned, people)) {
						added++;
					}
				}
			}
		}
		return added;
	}

	private static Planned plan(DemoPeople.Person person, int index, int week, int slot, LocalDate monday,
			LocalDate today) {
		LocalDate date = monday.plusDays(Math.floorMod(index + slot * 2, 5));
		if (date.isAfter(today)) {
			date = today;
		}
		Work work = WORK.get(Math.floorMod(index * 3 + week + slot * 5, WORK.size()));
		OutcomeSize size = SIZES[Math.floorMod(index + week + slot, SIZES.length)];
		Decision decision = decision(index, week, slot);
		if (decision == Decision.NONE) {
			size = (slot == 0) ? OutcomeSize.M : OutcomeSize.S;
		}
		String link = "https://git.legends-demo.invalid/" + person.handle() + "/" + monday + "/" + slot;
		return new Planned(person.id(), work, size, date, link, decision);
	}

	private static Decision decision(int index, int week, int slot) {
		if (week <= 1) {
			return (slot == 0 && (week == 1 || index % 2 == 0)) ? Decision.CONFIRM : Decision.NONE;
		}
		return switch (Math.floorMod(index + week, 7)) {
			case 3 -> (slot == 0) ? Decision.REJECT : Decision.CONFIRM;
			case 5 -> (slot == 0) ? Decision.WITHDRAW : Decision.CONFIRM;
			default -> Decision.CONFIRM;
		};
	}

	private boolean report(Planned planned, Map<String, Member> people) {
		Member reporter = people.get(planned.reporter());
		Member confirmer = people.get(confirmerOf(planned.reporter()));
		OutcomeDraft draft = new OutcomeDraft(planned.work().kind(), planned.work().title(), planned.link(),
				planned.size(), planned.date(), List.of(), confirmer.getId(), "Demo outcome");
		if (!this.outcomes.validate(reporter.getId(), draft, null).isEmpty()) {
			return false;
		}
		OutcomeDetails outcome = this.outcomes.report(reporter.getId(), draft);
		switch (planned.decision()) {
			case CONFIRM -> this.outcomes.confirm(outcome.id(), confirmer.getId());
			case REJECT -> this.outcomes.reject(outcome.id(), confirmer.getId(),
					"Still behind a feature flag: report it once customers have it.");
			case WITHDRAW -> this.outcomes.withdraw(outcome.id(), reporter.getId());
			case NONE -> {
			}
		}
		return true;
	}

	private static String confirmerOf(String userId) {
		if (DemoPeople.PLATFORM.members().contains(userId) || userId.equals(DemoPeople.ADA)) {
			return DemoPeople.MARGARET;
		}
		return DemoPeople.ADA;
	}

	private static LocalDate monday(LocalDate date) {
		return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	private static Set<Long> ids(List<String> userIds, Map<String, Member> people) {
		return userIds.stream().map((userId) -> people.get(userId).getId()).collect(Collectors.toSet());
	}

	/**
	 * What one top-up added.
	 *
	 * @param teams teams created
	 * @param usageRecords usage records added
	 * @param outcomes outcomes added
	 */
	record Added(int teams, int usageRecords, int outcomes) {

		boolean any() {
			return this.teams + this.usageRecords + this.outcomes > 0;
		}

	}

	private enum Decision {

		CONFIRM, REJECT, WITHDRAW, NONE

	}

	private record Work(OutcomeKind kind, String title) {

	}

	private record Planned(String reporter, Work work, OutcomeSize size, LocalDate date, String link,
			Decision decision) {

	}

}
