package dev.legends.slack.outcomes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import dev.legends.outcomes.OutcomeDetails;
import dev.legends.outcomes.OutcomeStatus;
import dev.legends.outcomes.Outcomes;
import dev.legends.scoring.OutcomeCredit;
import dev.legends.scoring.Scoring;
import dev.legends.slack.blocks.SlackText;
import dev.legends.slack.commands.MeSection;
import dev.legends.workspace.Member;
import dev.legends.workspace.TimeWindow;

import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * The outcomes part of {@code /legends me}: this week's outcomes with their status and
 * points, and Edit / Withdraw for the caller's unconfirmed ones.
 */
@Component
class OutcomesMeSection implements MeSection {

	private static final int MAX_SHOWN = 5;

	private final Outcomes outcomes;

	private final Scoring scoring;

	OutcomesMeSection(Outcomes outcomes, Scoring scoring) {
		this.outcomes = outcomes;
		this.scoring = scoring;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public List<LayoutBlock> render(Member member, TimeWindow week) {
		List<OutcomeDetails> mine = this.outcomes.forMember(member, week)
			.stream()
			.sorted(Comparator.comparing(OutcomeDetails::reportedAt).reversed())
			.toList();
		if (mine.isEmpty()) {
			return List.of(section((s) -> s.text(markdownText("*Outcomes:* none this week yet. "
					+ "`/legends report Shipped the billing export` tells Legends what you delivered."))));
		}
		Map<Long, OutcomeCredit> credits = this.scoring.credits(member, week)
			.stream()
			.collect(Collectors.toMap(OutcomeCredit::outcomeId, Function.identity(), (a, b) -> a));
		double total = credits.values().stream().mapToDouble(OutcomeCredit::creditedPoints).sum();
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(section((s) -> s.text(markdownText("*Outcomes this week: " + OutcomeBlocks.pts(total) + "*"))));
		for (OutcomeDetails outcome : mine.subList(0, Math.min(MAX_SHOWN, mine.size()))) {
			OutcomeCredit credit = credits.get(outcome.id());
			blocks.add(section((s) -> s.text(markdownText(line(outcome, credit)))));
			if (outcome.status() == OutcomeStatus.REPORTED && outcome.reporterId().equals(member.getId())) {
				blocks.add(buttons(outcome));
			}
		}
		if (mine.size() > MAX_SHOWN) {
			blocks.add(context((c) -> c.elements(List.of(markdownText(
					"…and " + (mine.size() - MAX_SHOWN) + " more this week; `/legends why` lists every one.")))));
		}
		return blocks;
	}

	private static String line(OutcomeDetails outcome, OutcomeCredit credit) {
		String points = (credit != null) ? OutcomeBlocks.pts(credit.creditedPoints()) : OutcomeBlocks.pts(0);
		String why = (credit != null) ? credit.reason() : "";
		String reason = (outcome.decisionReason() != null)
				? "\n_Reason: " + SlackText.echo(outcome.decisionReason(), 200) + "_" : "";
		return icon(outcome.status()) + " " + OutcomeBlocks.title(outcome) + " · *" + points + "*\n"
				+ OutcomeBlocks.facts(outcome) + " · " + why + reason;
	}

	private static String icon(OutcomeStatus status) {
		return switch (status) {
			case REPORTED -> ":hourglass_flowing_sand:";
			case CONFIRMED -> ":white_check_mark:";
			case REJECTED -> ":x:";
			case WITHDRAWN -> ":leftwards_arrow_with_hook:";
		};
	}

	private static LayoutBlock buttons(OutcomeDetails outcome) {
		ConfirmationDialogObject confirm = ConfirmationDialogObject.builder()
			.title(plainText("Withdraw this outcome?"))
			.text(plainText("It will no longer count, and its link can be reported again."))
			.confirm(plainText("Withdraw"))
			.deny(plainText("Keep it"))
			.build();
		return actions((a) -> a.blockId("outcome_me_" + outcome.id())
			.elements(List.of(
					button((b) -> b.actionId(OutcomeReportFeature.EDIT)
						.text(plainText("Edit"))
						.value(String.valueOf(outcome.id()))),
					button((b) -> b.actionId(OutcomeReportFeature.WITHDRAW)
						.text(plainText("Withdraw"))
						.style("danger")
						.confirm(confirm)
						.value(String.valueOf(outcome.id()))))));
	}

}
