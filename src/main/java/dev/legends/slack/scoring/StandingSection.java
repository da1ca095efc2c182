package dev.legends.slack.scoring;

import java.util.List;
import java.util.Locale;

import com.slack.api.model.block.LayoutBlock;
import dev.legends.scoring.BoardRow;
import dev.legends.scoring.Scoring;
import dev.legends.scoring.Standing;
import dev.legends.slack.commands.MeSection;
import dev.legends.workspace.Member;
import dev.legends.workspace.TimeWindow;

import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * The caller's rank on each board this week, cost per point and the trend against the
 * trailing four weeks, in {@code /legends me}.
 */
@Component
class StandingSection implements MeSection {

	private final Scoring scoring;

	StandingSection(Scoring scoring) {
		this.scoring = scoring;
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public List<LayoutBlock> render(Member member, TimeWindow week) {
		Standing standing = this.scoring.standing(member, this.scoring.current(dev.legends.scoring.Period.Kind.WEEK));
		return List.of(section((s) -> s.text(markdownText(text(standing)))));
	}

	static String text(Standing standing) {
		Standing.Counts counts = standing.counts();
		String ranks = "*Your ranks this week:* outcomes " + rank(standing.outcomes(), counts.outcomes())
				+ " · efficiency "
				+ ((standing.efficiency() != null) ? rank(standing.efficiency(), counts.efficiency())
						: "not ranked (" + standing.efficiencyNote() + ")")
				+ " · usage (context) " + rank(standing.usage(), counts.usage());
		Standing.Trend trend = standing.trend();
		Double perPoint = standing.person().costPerPoint();
		Double before = trend.trailingCostPerPoint();
		String cost = String.format(Locale.ENGLISH,
				"*Cost per point:* %s (trailing four weeks: %s) · *points* %s vs %s a week · *cost* %s vs %s a week",
				(perPoint != null) ? usd(perPoint) : "no points yet", (before != null) ? usd(before) : "no points",
				num(trend.points()), num(trend.trailingWeeklyPoints()), usd(trend.costUsd()),
				usd(trend.trailingWeeklyCostUsd()));
		return ranks + "\n" + cost;
	}

	private static String rank(BoardRow row, int of) {
		return (row != null) ? row.place(of) : "not ranked";
	}

	private static String usd(double value) {
		return String.format(Locale.ENGLISH, "$%,.2f", value);
	}

	private static String num(double value) {
		return String.format(Locale.ENGLISH, "%.1f", value).replace(".0", "");
	}

}
