package dev.legends.slack.ingest;

import java.util.List;
import java.util.Locale;

import com.slack.api.model.block.LayoutBlock;
import dev.legends.ingest.CodingActivity;
import dev.legends.ingest.CodingActivity.ActivityTotals;
import dev.legends.slack.commands.MeSection;
import dev.legends.workspace.Member;
import dev.legends.workspace.TimeWindow;

import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * The caller's Claude Code activity this week (from the Claude Code analytics import) in
 * {@code /legends me}, labelled as activity: it is context, never counted as outcomes.
 */
@Component
class ActivitySection implements MeSection {

	private final CodingActivity activity;

	ActivitySection(CodingActivity activity) {
		this.activity = activity;
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public List<LayoutBlock> render(Member member, TimeWindow week) {
		ActivityTotals totals = this.activity.totalsFor(member, week);
		if (totals.days() == 0) {
			return List.of();
		}
		return List.of(context((c) -> c.elements(List.of(markdownText(text(totals))))));
	}

	static String text(ActivityTotals totals) {
		return String.format(Locale.ENGLISH,
				"*Claude Code activity this week* (activity, not outcomes): %,d sessions · +%,d / −%,d lines · "
						+ "%,d commits · %,d pull requests",
				totals.sessions(), totals.linesAdded(), totals.linesRemoved(), totals.commits(), totals.pullRequests());
	}

}
