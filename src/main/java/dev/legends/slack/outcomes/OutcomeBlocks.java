package dev.legends.slack.outcomes;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.legends.outcomes.OutcomeDetails;
import dev.legends.outcomes.OutcomePoints;
import dev.legends.slack.blocks.SlackText;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * Renders the outcome messages: the reporter's receipt, the confirmation request, the
 * decided request, the reporter's notices and the shared channel post. No I/O.
 */
final class OutcomeBlocks {

	static final String SHARE = "outcome_share";

	static final String CONFIRM = "outcome_confirm";

	static final String REJECT = "outcome_reject";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private OutcomeBlocks() {
	}

	/**
	 * The reporter's receipt, with a "Share to channel" button when there is a channel.
	 * @param card the outcome
	 * @param askedNames who was asked to confirm
	 * @param shareChannelId the channel it may be shared to (kept by the server, never in
	 * the button), or {@code null}
	 * @return the blocks
	 */
	static List<LayoutBlock> receipt(OutcomeCard card, List<String> askedNames, String shareChannelId) {
		OutcomeDetails outcome = card.outcome();
		List<LayoutBlock> blocks = new ArrayList<>();
		int people = card.collaboratorNames().size() + 1;
		String sharing = card.collaboratorNames().isEmpty() ? ""
				: "\nShared with " + SlackText.escape(names(card.collaboratorNames())) + ": split " + people
						+ " ways, that is " + pts(card.pendingPoints() / people) + " now and "
						+ pts(card.fullPoints() / people) + " once confirmed for each of you.";
		blocks.add(section((s) -> s.text(markdownText("*Reported:* " + title(outcome) + "\n" + facts(outcome) + "\n"
				+ "It counts " + pts(card.pendingPoints()) + " now and " + pts(card.fullPoints()) + " once confirmed."
				+ sharing))));
		String asked = askedNames.isEmpty()
				? "Nobody could be asked to confirm it yet: edit it from `/legends me` and name a teammate."
				: "I've asked " + names(askedNames) + " to confirm it.";
		blocks.add(context((c) -> c.elements(List.of(markdownText(asked)))));
		if (shareChannelId != null) {
			blocks.add(actions((a) -> a.blockId("outcome_receipt_actions")
				.elements(List.of(button((b) -> b.actionId(SHARE)
					.text(plainText("Share to channel"))
					.value(String.valueOf(outcome.id())))))));
		}
		return blocks;
	}

	/**
	 * The confirmation request, with Confirm and Reject.
	 * @param card the outcome
	 * @return the blocks
	 */
	static List<LayoutBlock> request(OutcomeCard card) {
		OutcomeDetails outcome = card.outcome();
		List<LayoutBlock> blocks = new ArrayList<>(summary(card,
				"*" + SlackText.escape(card.reporterName()) + "* reported an outcome and asks you to confirm it:"));
		blocks.add(context((c) -> c.elements(List.of(markdownText("Confirm if it happened and the size is fair: "
				+ "it then counts " + pts(card.fullPoints()) + " instead of " + pts(card.pendingPoints()) + ".")))));
		List<BlockElement> buttons = List.of(
				button((b) -> b.actionId(CONFIRM).text(plainText("Confirm")).style("primary").value(outcome.id() + "")),
				button((b) -> b.actionId(REJECT).text(plainText("Reject")).style("danger").value(outcome.id() + "")));
		blocks.add(actions((a) -> a.blockId("outcome_request_actions").elements(buttons)));
		return blocks;
	}

	/**
	 * A request once decided: what happened and by whom, without buttons.
	 * @param card the outcome
	 * @param decision e.g. "Confirmed by Bea"
	 * @return the blocks
	 */
	static List<LayoutBlock> decided(OutcomeCard card, String decision) {
		List<LayoutBlock> blocks = new ArrayList<>(
				summary(card, "*" + SlackText.escape(card.reporterName()) + "* reported an outcome:"));
		String reason = card.outcome().decisionReason();
		String text = "*" + SlackText.escape(decision) + "*"
				+ ((reason != null) ? ". Reason: " + SlackText.echo(reason, 500) : "");
		blocks.add(context((c) -> c.elements(List.of(markdownText(text)))));
		return blocks;
	}

	/**
	 * The plain text of a decision notice to the reporter.
	 * @param card the outcome
	 * @param deciderName who decided
	 * @param confirmed {@code true} for confirmed, {@code false} for rejected
	 * @return mrkdwn text
	 */
	static String notice(OutcomeCard card, String deciderName, boolean confirmed) {
		OutcomeDetails outcome = card.outcome();
		String who = SlackText.escape(deciderName);
		if (confirmed) {
			return ":white_check_mark: " + who + " confirmed " + title(outcome) + ": it now counts "
					+ pts(card.fullPoints())
					+ (card.collaboratorNames().isEmpty() ? "" : ", shared with your " + "collaborators") + ".";
		}
		return ":x: " + who + " rejected " + title(outcome) + ". Reason: "
				+ SlackText.echo(outcome.decisionReason(), 500) + "\nIt no longer counts. If you disagree, talk to "
				+ who + " or report it again with more detail.";
	}

	/**
	 * The short message posted when the reporter shares an outcome: names, no mentions.
	 * @param card the outcome
	 * @return mrkdwn text
	 */
	static String shared(OutcomeCard card) {
		OutcomeDetails outcome = card.outcome();
		List<String> people = new ArrayList<>();
		people.add(card.reporterName());
		people.addAll(card.collaboratorNames());
		String link = (outcome.link() != null) ? " · " + SlackText.link(outcome.link(), null) : "";
		return ":tada: " + SlackText.escape(names(people)) + " delivered " + title(outcome) + " ("
				+ outcome.kind().label() + " · " + outcome.size() + ")" + link;
	}

	static String title(OutcomeDetails outcome) {
		return "*" + SlackText.echo(outcome.title(), 150).replace("*", "") + "*";
	}

	static String facts(OutcomeDetails outcome) {
		String link = (outcome.link() != null) ? " · " + SlackText.link(outcome.link(), "link") : "";
		return outcome.kind().label() + " · " + outcome.size() + " · " + outcome.date().format(DATE) + link;
	}

	static String pts(double points) {
		return OutcomePoints.format(points) + ((points == 1) ? " pt" : " pts");
	}

	private static List<LayoutBlock> summary(OutcomeCard card, String lead) {
		OutcomeDetails outcome = card.outcome();
		StringBuilder text = new StringBuilder(lead).append("\n").append(title(outcome)).append("\n");
		text.append(facts(outcome));
		if (!card.collaboratorNames().isEmpty()) {
			text.append("\nWith ").append(SlackText.escape(names(card.collaboratorNames())));
		}
		if (outcome.notes() != null) {
			text.append("\n>").append(SlackText.echo(outcome.notes(), 1000));
		}
		return List.of(section((s) -> s.text(markdownText(text.toString()))));
	}

	private static String names(List<String> names) {
		if (names.size() <= 1) {
			return String.join("", names);
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
	}

}
