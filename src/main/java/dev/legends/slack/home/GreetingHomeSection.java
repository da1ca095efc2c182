package dev.legends.slack.home;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import dev.legends.slack.blocks.SlackText;

import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * The top of App Home: a greeting, the Report outcome and My outcomes buttons, and where
 * the person stands on opt-out and vacation.
 */
@Component
class GreetingHomeSection implements HomeSection {

	/** The action id of the "Report outcome" button. */
	static final String REPORT_ACTION = "home_report_outcome";

	/** The action id of the "My outcomes" button. */
	static final String MY_OUTCOMES_ACTION = "home_my_outcomes";

	@Override
	public int order() {
		return 0;
	}

	@Override
	public List<LayoutBlock> render(HomeContext context) {
		return blocks(context.member().getDisplayName(), context.member().isOptedOut(),
				context.member().isOnVacation());
	}

	/**
	 * The greeting blocks.
	 * @param name the person's display name
	 * @param optedOut whether they opted out of shared boards
	 * @param onVacation whether they are on vacation
	 * @return the blocks
	 */
	static List<LayoutBlock> blocks(String name, boolean optedOut, boolean onVacation) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(header((h) -> h.text(plainText("Legends"))));
		blocks.add(section((s) -> s.text(markdownText("Hi " + SlackText.echo(name, 60)
				+ "! Legends ranks delivered, confirmed outcomes. AI usage and cost are shown as context."))));
		blocks
			.add(actions((a) -> a.blockId("home_actions")
				.elements(List.of(
						button((b) -> b.actionId(REPORT_ACTION).text(plainText("Report outcome")).style("primary")),
						button((b) -> b.actionId(MY_OUTCOMES_ACTION).text(plainText("My outcomes")))))));
		if (optedOut) {
			blocks.add(context((c) -> c.elements(List.of(markdownText(":no_entry_sign: You're opted out: you don't "
					+ "appear on shared boards, in digests or nudges, and your work is not counted in team figures. "
					+ "`/legends optin` brings you back.")))));
		}
		if (onVacation) {
			blocks.add(context((c) -> c.elements(List.of(markdownText(":palm_tree: You're on vacation: left out of "
					+ "boards, digests and nudges until you type `/legends vacation off`.")))));
		}
		return blocks;
	}

}
