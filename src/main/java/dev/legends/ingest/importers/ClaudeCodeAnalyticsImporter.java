package dev.legends.ingest.importers;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.legends.ingest.ActivitySignal;

import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;

/**
 * Anthropic's Claude Code analytics report ({@code GET
 * /v1/organizations/usage_report/claude_code}): {@code data[]} entries of one actor on
 * one day, with {@code model_breakdown[]} tokens and estimated cost (in cents) and
 * {@code core_metrics} (sessions, lines, commits, pull requests), which are kept as
 * activity signals, not outcomes.
 */
final class ClaudeCodeAnalyticsImporter implements UsageImporter {

	static final String FORMAT = "claude-code-analytics";

	private static final BigDecimal CENTS = BigDecimal.valueOf(100);

	@Override
	public String format() {
		return FORMAT;
	}

	@Override
	public Imported parse(InputStream in, ImportOptions options) {
		JsonRow root = JsonRow.read(in);
		List<UsageInput> usage = new ArrayList<>();
		List<ActivitySignal> activity = new ArrayList<>();
		List<JsonRow> entries = root.entries("data", "actor");
		for (int i = 0; i < entries.size(); i++) {
			JsonRow day = entries.get(i).asRecord(i);
			LocalDate date = day.date("date");
			UsageIdentity user = actor(day.child("actor"));
			for (JsonRow model : day.array("model_breakdown", false)) {
				usage.add(record(day, model, date, user));
			}
			activity.add(activity(day.child("core_metrics"), user, date));
		}
		return new Imported(usage, activity);
	}

	private static UsageInput record(JsonRow day, JsonRow breakdown, LocalDate date, UsageIdentity user) {
		String model = breakdown.requiredText("model");
		JsonRow tokens = breakdown.child("tokens");
		Instant start = date.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant end = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		String id = SourceIds.of(FORMAT, date, user.kind(), user.value(), day.text("terminal_type"),
				day.text("customer_type"), model);
		return new UsageInput(id, user, "claude-code", model, start, end, tokens.count("input"), tokens.count("output"),
				tokens.count("cache_read"), tokens.count("cache_creation"), 0, 0,
				cost(breakdown.child("estimated_cost")));
	}

	private static BigDecimal cost(JsonRow estimated) {
		if (!estimated.isObject()) {
			return null;
		}
		String currency = estimated.text("currency");
		if (currency != null && !currency.equalsIgnoreCase("USD")) {
			throw estimated.fail("currency", "must be USD, not " + currency);
		}
		BigDecimal cents = estimated.decimal("amount");
		return (cents != null) ? cents.divide(CENTS) : null;
	}

	private static ActivitySignal activity(JsonRow metrics, UsageIdentity user, LocalDate date) {
		JsonRow lines = metrics.child("lines_of_code");
		return new ActivitySignal(user, date, metrics.count("num_sessions"), lines.count("added"),
				lines.count("removed"), metrics.count("commits_by_claude_code"),
				metrics.count("pull_requests_by_claude_code"));
	}

	private static UsageIdentity actor(JsonRow actor) {
		if (!actor.isObject()) {
			throw new ImportException(actor.index(), null, actor.path(), "is required (an object)");
		}
		String email = actor.text("email_address");
		if (email != null) {
			return UsageIdentity.email(email);
		}
		String keyName = actor.text("api_key_name");
		if (keyName != null) {
			return UsageIdentity.apiKeyName(keyName);
		}
		throw actor.fail("email_address", "is missing, and so is api_key_name");
	}

}
