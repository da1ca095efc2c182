package dev.legends.slack.home;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.legends.outcomes.OutcomeDetails;
import dev.legends.outcomes.OutcomeStatus;
import dev.legends.slack.blocks.SlackText;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The "My outcomes" modal opened from App Home: the person's outcomes of the last 30
 * days, newest first, each with its status. Pure: no I/O.
 */
final class MyOutcomesModal {

	static final int MAX_OUTCOMES = 40;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private MyOutcomesModal() {
	}

	static View build(List<OutcomeDetails> outcomes) {
		List<LayoutBlock> blocks = new ArrayList<>();
		List<OutcomeDetails> sorted = outcomes.stream()
			.sorted(Comparator.comparing(OutcomeDetails::date).thenComparing(OutcomeDetails::id).reversed())
			.toList();
		if (sorted.isEmpty()) {
			blocks.add(section((s) -> s.text(markdownText("No outcomes in the last 30 days. "
					+ "*Report outcome* on the Home tab or `/legends report` adds one."))));
		}
		sorted.stream()
			.limit(MAX_OUTCOMES)
			.forEach((outcome) -> blocks.add(section((s) -> s.text(markdownText(line(outcome))))));
		if (sorted.size() > MAX_OUTCOMES) {
			blocks.add(context((c) -> c.elements(List.of(markdownText(
					"…and " + (sorted.size() - MAX_OUTCOMES) + " older ones. `/legends export` has them all.")))));
		}
		blocks.add(context((c) -> c.elements(List.of(markdownText("Reported outcomes count half until a teammate "
				+ "or manager confirms them; rejected and withdrawn ones count zero.")))));
		return view((v) -> v.type("modal")
			.callbackId("legends_my_outcomes")
			.title(viewTitle((t) -> t.type("plain_text").text("My outcomes")))
			.close(viewClose((c) -> c.type("plain_text").text("Close")))
			.blocks(blocks));
	}

	static String line(OutcomeDetails outcome) {
		return status(outcome.status()) + "  *" + SlackText.echo(outcome.title(), 150) + "*\n"
				+ outcome.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "  ·  size "
				+ outcome.size().name() + "  ·  " + DAY.format(outcome.date());
	}

	private static String status(OutcomeStatus status) {
		return switch (status) {
			case CONFIRMED -> ":white_check_mark: confirmed";
			case REPORTED -> ":hourglass_flowing_sand: awaiting confirmation";
			case REJECTED -> ":x: rejected";
			case WITHDRAWN -> ":leftwards_arrow_with_hook: withdrawn";
		};
	}

}
