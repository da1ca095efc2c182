package dev.legends.slack.outcomes;

import java.util.List;

import com.slack.api.model.view.View;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The small modal that asks why an outcome is rejected.
 */
final class RejectModal {

	static final String CALLBACK_ID = "outcome_reject_reason";

	static final String REASON = "reason";

	static final int MAX_REASON = 500;

	private RejectModal() {
	}

	/**
	 * Build the modal.
	 * @param outcomeId the outcome to reject
	 * @param titleMrkdwn the outcome's title, already escaped
	 * @return the view
	 */
	static View build(Long outcomeId, String titleMrkdwn) {
		return view((v) -> v.type("modal")
			.callbackId(CALLBACK_ID)
			.title(viewTitle((t) -> t.type("plain_text").text("Reject outcome")))
			.submit(viewSubmit((s) -> s.type("plain_text").text("Reject")))
			.close(viewClose((c) -> c.type("plain_text").text("Cancel")))
			.privateMetadata(String.valueOf(outcomeId))
			.blocks(List.of(section((s) -> s.text(markdownText(titleMrkdwn))),
					input((i) -> i.blockId(REASON)
						.label(plainText("Why doesn't it count?"))
						.hint(plainText("The reporter reads this."))
						.element(plainTextInput((p) -> p.actionId("reason_input")
							.multiline(true)
							.maxLength(MAX_REASON)
							.placeholder(plainText("e.g. The PR was reverted the next day"))))))));
	}

}
