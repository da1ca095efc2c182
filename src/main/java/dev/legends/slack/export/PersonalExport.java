package dev.legends.slack.export;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.legends.outcomes.OutcomeDetails;
import dev.legends.outcomes.Outcomes;
import dev.legends.teams.Team;
import dev.legends.teams.Teams;
import dev.legends.usage.DailyUsage;
import dev.legends.usage.ModelUsage;
import dev.legends.usage.UsageLedger;
import dev.legends.usage.UsageTotals;
import dev.legends.workspace.Member;
import dev.legends.workspace.TimeWindow;

import org.springframework.stereotype.Component;

/**
 * Gathers everything Legends keeps about one person (profile, preferences, teams, usage
 * and outcomes) into one JSON document that they can download.
 */
@Component
class PersonalExport {

	static final Duration USAGE_HISTORY = Duration.ofDays(90);

	static final Duration OUTCOME_HISTORY = Duration.ofDays(366);

	private static final Gson gson = new GsonBuilder().setPrettyPrinting()
		.disableHtmlEscaping()
		.serializeNulls()
		.create();

	private final UsageLedger usage;

	private final Outcomes outcomes;

	private final Teams teams;

	private final Clock clock;

	PersonalExport(UsageLedger usage, Outcomes outcomes, Teams teams, Optional<Clock> clock) {
		this.usage = usage;
		this.outcomes = outcomes;
		this.teams = teams;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * The export of one person, as pretty-printed JSON with the batch format's field
	 * names.
	 * @param member the person
	 * @return the JSON document
	 */
	String toJson(Member member) {
		Instant now = this.clock.instant();
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("exported_at", now.toString());
		document.put("person", person(member));
		document.put("teams", teams(member));
		document.put("usage", usage(member, new TimeWindow(now.minus(USAGE_HISTORY), now)));
		document.put("outcomes", outcomes(member, new TimeWindow(now.minus(OUTCOME_HISTORY), now)));
		return gson.toJson(document);
	}

	private static Map<String, Object> person(Member member) {
		Map<String, Object> person = new LinkedHashMap<>();
		person.put("slack_id", member.getSlackUserId());
		person.put("display_name", member.getDisplayName());
		person.put("real_name", member.getRealName());
		person.put("email", member.getEmail());
		person.put("timezone", member.getZoneId().getId());
		person.put("opted_out", member.isOptedOut());
		person.put("on_vacation", member.isOnVacation());
		return person;
	}

	private List<Map<String, Object>> teams(Member member) {
		return this.teams.all(member.getWorkspaceId())
			.stream()
			.filter((team) -> team.memberIds().contains(member.getId()) || team.managerIds().contains(member.getId()))
			.map((team) -> team(team, member))
			.toList();
	}

	private static Map<String, Object> team(Team team, Member member) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("name", team.name());
		row.put("member", team.memberIds().contains(member.getId()));
		row.put("manager", team.managerIds().contains(member.getId()));
		return row;
	}

	private Map<String, Object> usage(Member member, TimeWindow window) {
		Map<String, Object> usage = new LinkedHashMap<>();
		usage.put("start", window.start().toString());
		usage.put("end", window.end().toString());
		usage.put("totals", totals(this.usage.totalsForMember(member.getId(), window)));
		usage.put("by_model",
				this.usage.totalsByModelForMember(member.getId(), window).stream().map(this::model).toList());
		usage.put("daily",
				this.usage.dailySeriesForMember(member.getId(), window, member.getZoneId())
					.stream()
					.filter((day) -> !day.totals().isEmpty())
					.map(this::day)
					.toList());
		return usage;
	}

	private Map<String, Object> model(ModelUsage model) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("model", model.model());
		row.putAll(totals(model.totals()));
		return row;
	}

	private Map<String, Object> day(DailyUsage day) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("day", day.day().toString());
		row.putAll(totals(day.totals()));
		return row;
	}

	private static Map<String, Object> totals(UsageTotals totals) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("input_tokens", totals.inputTokens());
		row.put("output_tokens", totals.outputTokens());
		row.put("cache_read_input_tokens", totals.cacheReadInputTokens());
		row.put("cache_creation_input_tokens", totals.cacheCreationInputTokens());
		row.put("reasoning_tokens", totals.reasoningTokens());
		row.put("requests", totals.requests());
		row.put("cost_usd_reported", money(totals.costUsdReported()));
		row.put("cost_usd_estimated", money(totals.costUsdEstimated()));
		row.put("price_unknown", totals.priceUnknown());
		return row;
	}

	private List<Map<String, Object>> outcomes(Member member, TimeWindow window) {
		return this.outcomes.forMember(member, window).stream().map((outcome) -> outcome(outcome, member)).toList();
	}

	private static Map<String, Object> outcome(OutcomeDetails outcome, Member member) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("title", outcome.title());
		row.put("kind", outcome.kind().name().toLowerCase());
		row.put("size", outcome.size().name());
		row.put("date", outcome.date().toString());
		row.put("link", outcome.link());
		row.put("status", outcome.status().name().toLowerCase());
		row.put("role", outcome.reporterId().equals(member.getId()) ? "reporter" : "collaborator");
		row.put("reported_at", outcome.reportedAt().toString());
		row.put("decided_at", (outcome.decidedAt() != null) ? outcome.decidedAt().toString() : null);
		row.put("decision_reason", outcome.decisionReason());
		row.put("notes", outcome.notes());
		return row;
	}

	private static String money(BigDecimal amount) {
		return (amount != null) ? amount.toPlainString() : "0";
	}

}
