package dev.legends.slack.teams;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.slack.api.model.block.LayoutBlock;
import dev.legends.slack.blocks.SlackText;
import dev.legends.teams.GoalPeriod;
import dev.legends.teams.GoalProgress;
import dev.legends.teams.TeamGoal;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * Renders a team's progress against its goals as text progress bars: points, outcomes,
 * cost per point and confirmed share. Pure: no I/O.
 */
public final class TeamProgressBlocks {

	static final int BAR_CELLS = 10;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

	private TeamProgressBlocks() {
	}

	/**
	 * The full answer to {@code /legends team}: a header, the figures against each target
	 * and who set the goal.
	 * @param progress the progress
	 * @param setByName the display name of whoever set the goal (ignored without a goal)
	 * @return the blocks
	 */
	public static List<LayoutBlock> render(GoalProgress progress, String setByName) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(header(
				(h) -> h.text(plainText(SlackText.echo(progress.team().name(), 60) + ": " + periodName(progress)))));
		blocks.add(section((s) -> s.text(markdownText(figures(progress)))));
		blocks.add(context((c) -> c.elements(List.of(markdownText(footnote(progress, setByName))))));
		return blocks;
	}

	/**
	 * A compact version for App Home: the team's name and period in bold above the
	 * figures.
	 * @param progress the progress
	 * @return the blocks
	 */
	public static List<LayoutBlock> compact(GoalProgress progress) {
		String title = "*" + SlackText.echo(progress.team().name(), 60) + "*: " + periodName(progress);
		return List.of(section((s) -> s.text(markdownText(title + "\n" + figures(progress)))));
	}

	/**
	 * The period as people say it: "week of 23 Nov 2026", "November 2026", "Q4 2026".
	 * @param progress the progress
	 * @return the name
	 */
	static String periodName(GoalProgress progress) {
		GoalPeriod period = progress.hasGoal() ? progress.goal().period() : GoalPeriod.WEEK;
		return switch (period) {
			case WEEK -> "week of " + DAY.format(progress.firstDay());
			case MONTH -> MONTH.format(progress.firstDay());
			case QUARTER ->
				"Q" + progress.firstDay().get(IsoFields.QUARTER_OF_YEAR) + " " + progress.firstDay().getYear();
		};
	}

	static String figures(GoalProgress progress) {
		BigDecimal points = progress.totals().confirmedPoints();
		int outcomes = progress.totals().confirmedOutcomes();
		if (!progress.hasGoal()) {
			return "No goals set yet: a manager sets them with `/legends goals`.\n" + "*Confirmed points* "
					+ number(points) + "  ·  *Confirmed outcomes* " + outcomes + "  ·  *Cost per point* "
					+ costPerPointText(progress);
		}
		TeamGoal goal = progress.goal();
		StringBuilder text = new StringBuilder();
		text.append("*Confirmed points*  `")
			.append(bar(points, goal.targetPoints()))
			.append("`  ")
			.append(number(points))
			.append(" of ")
			.append(goal.targetPoints())
			.append(" (")
			.append(percent(points, goal.targetPoints()))
			.append("%)\n");
		text.append("*Confirmed outcomes*  `")
			.append(bar(BigDecimal.valueOf(outcomes), goal.targetOutcomes()))
			.append("`  ")
			.append(outcomes)
			.append(" of ")
			.append(goal.targetOutcomes())
			.append(" (")
			.append(percent(BigDecimal.valueOf(outcomes), goal.targetOutcomes()))
			.append("%)\n");
		text.append("*Cost per point*  ").append(costPerPointText(progress));
		if (goal.maxCostPerPoint() != null) {
			text.append("  ·  ceiling ")
				.append(dollars(goal.maxCostPerPoint()))
				.append(progress.costWithinCeiling() ? "" : "  :warning: over the ceiling");
		}
		if (goal.minConfirmedPercent() != null) {
			Integer share = progress.confirmedPercent();
			text.append("\n*Confirmed share*  ")
				.append((share != null) ? share + "% of " + progress.totals().reportedOutcomes() + " reported"
						: "nothing reported yet")
				.append("  ·  minimum ")
				.append(goal.minConfirmedPercent())
				.append("%")
				.append((share != null && share < goal.minConfirmedPercent()) ? "  :warning: below the minimum" : "");
		}
		return text.toString();
	}

	private static String footnote(GoalProgress progress, String setByName) {
		String people = progress.team().size() + ((progress.team().size() == 1) ? " member" : " members")
				+ ((progress.optedOut() > 0) ? " (" + progress.optedOut() + " opted out, not counted)" : "");
		String span = DAY.format(progress.firstDay()) + " to " + DAY.format(progress.lastDay());
		if (!progress.hasGoal()) {
			return people + "  ·  " + span;
		}
		return people + "  ·  " + span + "  ·  goal per " + progress.goal().period().label() + " set by "
				+ SlackText.echo(setByName, 60) + " on "
				+ DAY.format(progress.goal().setAt().atZone(java.time.ZoneOffset.UTC)) + "  ·  usage is context, "
				+ "confirmed outcomes are the score";
	}

	/**
	 * A text progress bar of {@value #BAR_CELLS} cells, full at or beyond the target.
	 * @param value the value reached
	 * @param target the target (positive)
	 * @return the bar
	 */
	static String bar(BigDecimal value, int target) {
		int filled = value.multiply(BigDecimal.valueOf(BAR_CELLS))
			.divide(BigDecimal.valueOf(target), 0, RoundingMode.FLOOR)
			.min(BigDecimal.valueOf(BAR_CELLS))
			.max(BigDecimal.ZERO)
			.intValue();
		return "█".repeat(filled) + "░".repeat(BAR_CELLS - filled);
	}

	private static int percent(BigDecimal value, int target) {
		return value.multiply(BigDecimal.valueOf(100))
			.divide(BigDecimal.valueOf(target), 0, RoundingMode.FLOOR)
			.intValue();
	}

	private static String costPerPointText(GoalProgress progress) {
		BigDecimal costPerPoint = progress.costPerPoint();
		String spent = dollars(progress.totals().estimatedCostUsd()) + " estimated AI cost";
		return (costPerPoint != null) ? dollars(costPerPoint) + " (" + spent + ")"
				: "n/a (" + spent + ", no confirmed points yet)";
	}

	static String number(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	static String dollars(BigDecimal value) {
		return "$" + value.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

}
