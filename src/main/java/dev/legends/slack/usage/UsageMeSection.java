package dev.legends.slack.usage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import dev.legends.scoring.Scoring;
import dev.legends.scoring.UsageFigures;
import dev.legends.slack.commands.MeSection;
import dev.legends.workspace.Member;
import dev.legends.workspace.TimeWindow;

import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * The usage part of {@code /legends me}: the caller's tokens by class, requests and
 * estimated cost this week, shown as context beside their outcomes.
 */
@Component
class UsageMeSection implements MeSection {

	private final Scoring scoring;

	UsageMeSection(Scoring scoring) {
		this.scoring = scoring;
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public List<LayoutBlock> render(Member member, TimeWindow week) {
		return render(this.scoring.usage(member, week));
	}

	static List<LayoutBlock> render(UsageFigures totals) {
		if (totals.isEmpty()) {
			return List.of(context((c) -> c.elements(List.of(markdownText(
					"*AI usage:* none recorded for you this week. Usage arrives through ingest keys (admins: `/legends key create NAME`).")))));
		}
		List<TextObject> fields = new ArrayList<>();
		fields.add(markdownText("*Input (uncached)*\n" + UsageText.tokens(totals.inputTokens())));
		fields.add(markdownText("*Output*\n" + UsageText.tokens(totals.outputTokens())));
		fields.add(markdownText("*Cache read*\n" + UsageText.tokens(totals.cacheReadTokens())));
		fields.add(markdownText("*Cache write*\n" + UsageText.tokens(totals.cacheCreationTokens())));
		if (totals.reasoningTokens() > 0) {
			fields.add(markdownText("*Reasoning (in output)*\n" + UsageText.tokens(totals.reasoningTokens())));
		}
		fields.add(markdownText("*Requests*\n" + UsageText.tokens(totals.requests())));
		fields.add(markdownText("*Estimated cost*\n" + UsageText.estimatedCost(totals)));
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(section((s) -> s.text(markdownText("*AI usage this week* (context, not score)")).fields(fields)));
		if (totals.reportedCostUsd() > 0) {
			blocks.add(context((c) -> c.elements(List.of(markdownText("Cost reported by your tools: "
					+ UsageText.dollars(BigDecimal.valueOf(totals.reportedCostUsd())))))));
		}
		return blocks;
	}

}
