package dev.legends.slack.ingest;

import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import dev.legends.ingest.CodingActivity;
import dev.legends.slack.blocks.ActivityBlocks;
import dev.legends.slack.commands.MeSection;
import dev.legends.workspace.Member;
import dev.legends.workspace.TimeWindow;

import org.springframework.stereotype.Component;

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
		return ActivityBlocks.context(this.activity.totalsFor(member, week), "this week");
	}

}
