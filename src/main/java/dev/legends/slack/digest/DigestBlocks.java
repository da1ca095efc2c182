package dev.legends.slack.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import dev.legends.digest.Digest;
import dev.legends.digest.DigestSection;
import dev.legends.slack.blocks.SlackText;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * Renders a {@link Digest} as Block Kit: outcomes first, cost and tokens as their
 * context, never usage on its own. Pure; at most 50 blocks.
 */
public final class DigestBlocks {

	/** The action id of the "Report an outcome" button. */
	public static final String REPORT_ACTION = "digest_report_outcome";

	static final int MAX_BLOCKS = 50;

	private static final int BAR_WIDTH = 10;

	private DigestBlocks() {
	}

	/**
	 * The blocks of a digest message.
	 * @param digest the digest
	 * @return the blocks
	 */
	public static List<LayoutBlock> render(Digest digest) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(header((h) -> h.text(plainText(limit(digest.title() + " · " + digest.periodLabel(), 150)))));
		blocks.add(context((c) -> c.elements(List
			.of(markdownText("Confirmed outcomes are the score; usage and cost are shown as context. Outcomes awaiting "
					+ "confirmation count half.")))));
		if (digest.shows(DigestSection.TOTALS)) {
			blocks.addAll(totals(digest.totals()));
		}
		if (digest.shows(DigestSection.TREND)) {
			blocks.add(trend(digest));
		}
		if (digest.shows(DigestSection.GOALS) && !digest.goals().isEmpty()) {
			blocks.add(divider());
			blocks.add(section((s) -> s.text(markdownText(goals(digest.goals())))));
		}
		if (digest.shows(DigestSection.CONTRIBUTORS)) {
			blocks.add(divider());
			blocks.add(section((s) -> s.text(markdownText(contributors(digest.topContributors())))));
		}
		if (digest.shows(DigestSection.IMPROVED) && digest.mostImproved().isPresent()) {
			Digest.Improvement improvement = digest.mostImproved().get();
			blocks.add(section((s) -> s
				.text(markdownText("*Most improved efficiency:* " + SlackText.escape(improvement.displayName()) + ", "
						+ number(improvement.before()) + " → " + number(improvement.after())
						+ " confirmed points per $100 (against their previous four weeks)"))));
		}
		digest.notice().ifPresent((notice) -> blocks.add(context((c) -> c.elements(List.of(markdownText(notice))))));
		blocks.add(divider());
		blocks.add(actions((a) -> a.elements(List.of(button((b) -> b.actionId(REPORT_ACTION)
			.text(plainText("Report an outcome"))
			.value(digest.periodKey())
			.style("primary"))))));
		blocks.add(context((c) -> c.elements(List
			.of(markdownText("Names are shown without mentions. People who opted out or are on vacation are left out. "
					+ "`/legends why` explains any score.")))));
		return blocks.subList(0, Math.min(blocks.size(), MAX_BLOCKS));
	}

	/**
	 * The plain-text fallback (notifications, screen readers).
	 * @param digest the digest
	 * @return the text
	 */
	public static String fallbackText(Digest digest) {
		Digest.Totals totals = digest.totals();
		return SlackText.escape(digest.title()) + " · " + digest.periodLabel() + ": "
				+ count(totals.confirmedOutcomes(), "confirmed outcome", "confirmed outcomes") + " ("
				+ points(totals.confirmedPoints()) + "), " + totals.pendingOutcomes()
				+ " awaiting confirmation; estimated cost " + money(totals.estimatedCostUsd()) + ", "
				+ costPerPoint(totals.costPerConfirmedPoint()) + ".";
	}

	private static List<LayoutBlock> totals(Digest.Totals totals) {
		List<TextObject> fields = List.of(
				markdownText("*Delivered (confirmed)*\n" + count(totals.confirmedOutcomes(), "outcome", "outcomes")
						+ " · " + points(totals.confirmedPoints())),
				markdownText("*Awaiting confirmation*\n" + count(totals.pendingOutcomes(), "outcome", "outcomes")
						+ " · " + points(totals.pendingPoints())),
				markdownText("*Estimated cost*\n" + money(totals.estimatedCostUsd())),
				markdownText("*Cost per confirmed point*\n" + (totals.costPerConfirmedPoint().isPresent()
						? money(totals.costPerConfirmedPoint().getAsDouble()) : "no confirmed points yet")));
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(section((s) -> s.fields(fields)));
		if (totals.confirmedPoints() == 0 && totals.estimatedCostUsd() > 0) {
			blocks.add(section((s) -> s.text(markdownText(money(totals.estimatedCostUsd())
					+ " of AI usage with no confirmed outcome yet. If something shipped, report it and ask a "
					+ "teammate to confirm it."))));
		}
		else if (totals.confirmedOutcomes() == 0 && totals.pendingOutcomes() == 0) {
			blocks.add(section((s) -> s.text(markdownText("No outcomes recorded for this period yet."))));
		}
		Digest.Tokens tokens = totals.tokens();
		blocks.add(context((c) -> c.elements(List.of(markdownText("Tokens (context): " + compact(tokens.input())
				+ " input · " + compact(tokens.output()) + " output · " + compact(tokens.cacheRead()) + " cache read · "
				+ compact(tokens.cacheWrite()) + " cache write · " + compact(tokens.reasoning()) + " reasoning")))));
		return blocks;
	}

	private static LayoutBlock trend(Digest digest) {
		StringBuilder text = new StringBuilder("*Cost per confirmed point, previous four weeks:* ");
		List<String> weeks = new ArrayList<>();
		for (Digest.WeekFigures week : digest.previousWeeks()) {
			String value = (week.confirmedPoints() > 0) ? money(week.estimatedCostUsd() / week.confirmedPoints())
					: "no confirmed points";
			weeks.add("w/c " + week.weekStart().getDayOfMonth() + " "
					+ week.weekStart().getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)
					+ ": " + value);
		}
		text.append(String.join(" · ", weeks));
		OptionalDouble now = digest.totals().costPerConfirmedPoint();
		OptionalDouble before = digest.previousCostPerPoint();
		if (now.isPresent() && before.isPresent() && before.getAsDouble() > 0) {
			double change = (now.getAsDouble() - before.getAsDouble()) / before.getAsDouble() * 100;
			String direction = (change <= 0) ? "down" : "up";
			text.append("\nThis period: ")
				.append(money(now.getAsDouble()))
				.append(" per point, ")
				.append(direction)
				.append(' ')
				.append(Math.round(Math.abs(change)))
				.append("% against the four-week average of ")
				.append(money(before.getAsDouble()))
				.append((change <= 0) ? " (more delivered per dollar)." : " (less delivered per dollar).");
		}
		return section((s) -> s.text(markdownText(text.toString())));
	}

	private static String goals(List<Digest.GoalLine> goals) {
		StringBuilder text = new StringBuilder("*Goals*");
		for (Digest.GoalLine goal : goals.subList(0, Math.min(goals.size(), 10))) {
			text.append('\n').append(SlackText.escape(goal.label())).append(": ");
			if (goal.higherIsBetter() && goal.unit() == Digest.GoalLine.Unit.COUNT) {
				double share = (goal.target() > 0) ? Math.min(1, goal.actual() / goal.target()) : 1;
				text.append('`')
					.append(bar(share))
					.append("` ")
					.append(number(goal.actual()))
					.append(" of ")
					.append(number(goal.target()))
					.append(" (")
					.append(Math.round(share * 100))
					.append("%)");
			}
			else if (goal.higherIsBetter()) {
				boolean met = goal.actual() >= goal.target();
				text.append(goalFigure(goal, goal.actual()))
					.append(met ? " — meets " : " — below ")
					.append("the minimum of ")
					.append(goalFigure(goal, goal.target()));
			}
			else {
				boolean within = goal.actual() <= goal.target();
				text.append(goalFigure(goal, goal.actual()))
					.append(within ? " — within " : " — above ")
					.append("the ceiling of ")
					.append(goalFigure(goal, goal.target()));
			}
		}
		return text.toString();
	}

	private static String goalFigure(Digest.GoalLine goal, double value) {
		return switch (goal.unit()) {
			case USD -> money(value);
			case PERCENT -> Math.round(value) + "%";
			case COUNT -> number(value);
		};
	}

	private static String contributors(List<Digest.Contributor> contributors) {
		if (contributors.isEmpty()) {
			return "*Delivered most*\nNo confirmed outcomes from listed people in this period.";
		}
		StringBuilder text = new StringBuilder("*Delivered most (by confirmed outcomes)*");
		int rank = 1;
		for (Digest.Contributor contributor : contributors) {
			text.append('\n')
				.append(rank++)
				.append(". ")
				.append(SlackText.escape(contributor.displayName()))
				.append(": ")
				.append(contributor.confirmedOutcomes())
				.append((contributor.confirmedOutcomes() == 1) ? " outcome, " : " outcomes, ")
				.append(points(contributor.confirmedPoints()));
		}
		return text.toString();
	}

	private static String bar(double share) {
		int filled = (int) Math.round(share * BAR_WIDTH);
		return "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
	}

	private static String costPerPoint(OptionalDouble value) {
		return value.isPresent() ? money(value.getAsDouble()) + " per confirmed point" : "no confirmed points yet";
	}

	static String money(double usd) {
		return String.format(Locale.ENGLISH, "$%,.2f", usd);
	}

	private static String count(int count, String one, String many) {
		return count + " " + ((count == 1) ? one : many);
	}

	private static String points(double points) {
		return number(points) + ((points == 1) ? " point" : " points");
	}

	static String number(double value) {
		if (value == Math.rint(value)) {
			return String.format(Locale.ENGLISH, "%,d", (long) value);
		}
		return String.format(Locale.ENGLISH, "%,.1f", value);
	}

	static String compact(long tokens) {
		if (tokens >= 1_000_000) {
			return String.format(Locale.ENGLISH, "%.1fM", tokens / 1_000_000.0);
		}
		if (tokens >= 1_000) {
			return String.format(Locale.ENGLISH, "%.1fk", tokens / 1_000.0);
		}
		return String.valueOf(tokens);
	}

	private static String limit(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
