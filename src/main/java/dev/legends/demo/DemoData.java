package dev.legends.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.legends.outcomes.OutcomeDetails;
import dev.legends.outcomes.OutcomeDraft;
import dev.legends.outcomes.OutcomeKind;
import dev.legends.outcomes.OutcomeSize;
import dev.legends.outcomes.Outcomes;
import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;
import dev.legends.usage.UsageLedger;
import dev.legends.workspace.Member;
import dev.legends.workspace.TimeWindow;

import org.springframework.stereotype.Component;

/**
 * Fills an empty demo workspace with four weeks of usage and a few outcomes, so that
 * boards, {@code why}, digests and App Home have something to show: among them a heavy
 * token user who ships nothing, who never tops the default board.
 */
@Component
class DemoData {

	private static final int DAYS = 28;

	/** Uncached input tokens per working day, per person: the burner uses 20x. */
	private static final Map<String, Long> DAILY_INPUT = Map.of("U0DEMOADA", 60_000L, "U0DEMOGRACE", 80_000L,
			"U0DEMOLINUS", 40_000L, "U0DEMOMARGARET", 50_000L, "U0DEMOKEN", 30_000L, "U0DEMOBURN", 1_200_000L);

	private final UsageLedger usage;

	private final Outcomes outcomes;

	private final Clock clock;

	DemoData(UsageLedger usage, Outcomes outcomes, Optional<Clock> clock) {
		this.usage = usage;
		this.outcomes = outcomes;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Seed the demo workspace unless it already has usage or outcomes.
	 * @param people the demo members by Slack user id
	 * @return whether anything was seeded
	 */
	boolean seedIfEmpty(Map<String, Member> people) {
		Instant now = this.clock.instant();
		Long workspaceId = people.values().iterator().next().getWorkspaceId();
		TimeWindow recent = new TimeWindow(now.minus(Duration.ofDays(90)), now.plus(Duration.ofDays(1)));
		if (!this.usage.workspaceTotals(workspaceId, recent).isEmpty()
				|| !this.outcomes.inWorkspace(workspaceId, recent).isEmpty()) {
			return false;
		}
		this.usage.ingest(workspaceId, usage(now));
		seedOutcomes(people, LocalDate.ofInstant(now, ZoneOffset.UTC));
		return true;
	}

	private static List<UsageInput> usage(Instant now) {
		List<UsageInput> records = new ArrayList<>();
		Instant today = now.truncatedTo(ChronoUnit.DAYS);
		for (int day = 1; day <= DAYS; day++) {
			Instant start = today.minus(Duration.ofDays(day)).plus(Duration.ofHours(10));
			for (Map.Entry<String, Long> person : DAILY_INPUT.entrySet()) {
				long input = person.getValue();
				records
					.add(new UsageInput("demo-" + person.getKey() + "-" + day, UsageIdentity.slackId(person.getKey()),
							"claude-code", "claude-sonnet-4-5", start, start.plus(Duration.ofMinutes(59)), input,
							input / 4, input * 6, input / 2, 0, input / 4_000 + 1, null));
			}
		}
		return records;
	}

	private void seedOutcomes(Map<String, Member> people, LocalDate today) {
		Long ada = people.get("U0DEMOADA").getId();
		Long grace = people.get("U0DEMOGRACE").getId();
		report(people.get("U0DEMOGRACE"), OutcomeKind.PR_MERGED, "Billing export ships CSV and JSON", OutcomeSize.L,
				today.minusDays(2), ada, true);
		report(people.get("U0DEMOGRACE"), OutcomeKind.BUG_FIXED, "Fixed the timezone bug in invoices", OutcomeSize.S,
				today.minusDays(1), ada, false);
		report(people.get("U0DEMOLINUS"), OutcomeKind.INCIDENT_RESOLVED, "Restored the build cache after the outage",
				OutcomeSize.M, today.minusDays(3), ada, true);
		report(people.get("U0DEMOMARGARET"), OutcomeKind.DOC, "Runbook for the release train", OutcomeSize.M,
				today.minusDays(4), ada, true);
		report(people.get("U0DEMOKEN"), OutcomeKind.EXPERIMENT, "Tried a smaller model for code review", OutcomeSize.S,
				today.minusDays(1), ada, false);
		report(people.get("U0DEMOADA"), OutcomeKind.CUSTOMER_TICKET, "Answered the ACME data-retention question",
				OutcomeSize.S, today.minusDays(2), grace, true);
	}

	private void report(Member reporter, OutcomeKind kind, String title, OutcomeSize size, LocalDate date,
			Long confirmerId, boolean confirm) {
		OutcomeDetails outcome = this.outcomes.report(reporter.getId(),
				new OutcomeDraft(kind, title, null, size, date, List.of(), confirmerId, "Seeded demo outcome"));
		if (confirm) {
			this.outcomes.confirm(outcome.id(), confirmerId);
		}
	}

}
