package dev.legends.ingest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.legends.usage.OwnerUsage;
import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageLedger;
import dev.legends.usage.UsageOwner;
import dev.legends.usage.UsageTotals;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import dev.legends.workspace.TimeWindow;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/usage/summary?start=&end=}: totals per person (or unmatched
 * identity) and overall in a window, in the batch format's field names plus both costs.
 */
@RestController
class UsageSummaryController {

	private final IngestKeys keys;

	private final UsageLedger ledger;

	private final Members members;

	UsageSummaryController(IngestKeys keys, UsageLedger ledger, Members members) {
		this.keys = keys;
		this.ledger = ledger;
		this.members = members;
	}

	@GetMapping("/api/v1/usage/summary")
	Map<String, Object> summary(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			HttpServletRequest request) {
		IngestPrincipal principal = this.keys.require(authorization);
		QueryParameters parameters = QueryParameters.of(request);
		TimeWindow window = window(parameters.get("start"), parameters.get("end"));
		Map<Long, Member> people = this.members.all(principal.workspaceId())
			.stream()
			.collect(Collectors.toMap(Member::getId, Function.identity()));
		List<Map<String, Object>> users = this.ledger.totalsByOwner(principal.workspaceId(), window)
			.stream()
			.map((usage) -> user(usage, people))
			.toList();
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("start", window.start().toString());
		summary.put("end", window.end().toString());
		summary.put("users", users);
		summary.put("totals", totals(this.ledger.workspaceTotals(principal.workspaceId(), window)));
		return summary;
	}

	private static TimeWindow window(String start, String end) {
		Instant from = instant("start", start);
		Instant to = instant("end", end);
		if (to.isBefore(from)) {
			throw new InvalidParametersException("end", "must not be before start");
		}
		return new TimeWindow(from, to);
	}

	private static Instant instant(String name, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidParametersException(name, "is required (ISO-8601, e.g. 2026-11-23T00:00:00Z)");
		}
		Instant instant = UsageRecordReader.parseInstant(value);
		if (instant == null) {
			throw new InvalidParametersException(name,
					"must be an ISO-8601 date-time with offset, e.g. 2026-11-23T00:00:00Z");
		}
		return instant;
	}

	private static Map<String, Object> user(OwnerUsage usage, Map<Long, Member> people) {
		Map<String, Object> user = new LinkedHashMap<>();
		UsageOwner owner = usage.owner();
		if (owner.isMember()) {
			Member member = people.get(owner.memberId());
			if (member != null) {
				user.put("slack_id", member.getSlackUserId());
				if (member.getEmail() != null) {
					user.put("email", member.getEmail());
				}
				user.put("name", member.getDisplayName());
			}
		}
		else {
			user.put(jsonName(owner.identity().kind()), owner.identity().value());
		}
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("user", user);
		entry.put("matched", owner.isMember());
		entry.putAll(totals(usage.totals()));
		return entry;
	}

	/**
	 * The JSON fields of a total, named as in the batch format.
	 * @param totals the totals
	 * @return the fields
	 */
	static Map<String, Object> totals(UsageTotals totals) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("input_tokens", totals.inputTokens());
		json.put("output_tokens", totals.outputTokens());
		json.put("cache_read_input_tokens", totals.cacheReadInputTokens());
		json.put("cache_creation_input_tokens", totals.cacheCreationInputTokens());
		json.put("reasoning_tokens", totals.reasoningTokens());
		json.put("requests", totals.requests());
		json.put("cost_usd_reported", totals.costUsdReported());
		json.put("cost_usd_estimated", totals.costUsdEstimated());
		json.put("price_unknown", totals.priceUnknown());
		json.put("unpriced_models", totals.unpricedModels());
		return json;
	}

	static String jsonName(UsageIdentity.Kind kind) {
		return kind.name().toLowerCase(java.util.Locale.ROOT);
	}

}
