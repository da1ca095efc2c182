package dev.legends.slack.teams;

import java.util.List;

import com.slack.api.model.view.View;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * Small modals shared by the team features: a notice that explains why something was
 * refused.
 */
final class Modals {

	private Modals() {
	}

	/**
	 * A modal with a title, one paragraph and a Close button.
	 * @param title at most 24 characters
	 * @param mrkdwn the paragraph
	 * @return the view
	 */
	static View notice(String title, String mrkdwn) {
		return view((v) -> v.type("modal")
			.callbackId("legends_notice")
			.title(viewTitle((t) -> t.type("plain_text").text(title)))
			.close(viewClose((c) -> c.type("plain_text").text("Close")))
			.blocks(List.of(section((s) -> s.text(markdownText(mrkdwn))))));
	}

}
