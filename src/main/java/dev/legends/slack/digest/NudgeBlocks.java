package dev.legends.slack.digest;

import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import dev.legends.digest.NudgePublisher.Nudge;
import dev.legends.slack.blocks.SlackText;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * The weekly nudge DM: what did you ship, with a Report button.
 */
final class NudgeBlocks {

	private NudgeBlocks() {
	}

	static String text(Nudge nudge) {
		return "What did you ship this week? Report it in Legends so it counts.";
	}

	static List<LayoutBlock> render(Nudge nudge) {
		return List.of(
				section((s) -> s.text(markdownText("Hi " + SlackText.escape(nudge.displayName())
						+ ", what did you ship this week? A merged PR, a fixed bug, a resolved incident, a doc: "
						+ "report it so it counts on the boards."))),
				actions((a) -> a.elements(List.of(button((b) -> b.actionId(DigestBlocks.REPORT_ACTION)
					.text(plainText("Report an outcome"))
					.value("nudge:" + nudge.isoWeek())
					.style("primary"))))),
				context((c) -> c.elements(List.of(markdownText(
						"One nudge a week. `/legends vacation on` pauses it; `/legends optout` stops it.")))));
	}

}
