package dev.legends.slack.teams;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import dev.legends.slack.blocks.SlackText;
import dev.legends.teams.GoalDraft;
import dev.legends.teams.GoalPeriod;
import dev.legends.teams.Team;
import dev.legends.teams.TeamGoal;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.numberInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The goals modal (targets per period for a team, its id in {@code private_metadata}) and
 * the team picker shown first to managers of several teams. Block ids are {@code goal_} +
 * the {@link GoalDraft} field name.
 */
final class GoalsModal {

	static final String CALLBACK_ID = "team_goals";

	static final String PICK_CALLBACK_ID = "goals_pick_team";

	static final String PICK_BLOCK = "goal_team", PICK = "team";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private GoalsModal() {
	}

	static String blockOf(String field) {
		return "goal_" + field;
	}

	/**
	 * The goals modal for a team, prefilled with its latest goal.
	 * @param team the team
	 * @param latest the goal set most recently, or {@code null}
	 * @param setByName who set it
	 * @param today today in the workspace's timezone
	 * @return the view
	 */
	static View build(Team team, TeamGoal latest, String setByName, LocalDate today) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(section((s) -> s.text(markdownText("*" + SlackText.echo(team.name(), 80) + "*, " + team.size()
				+ ((team.size() == 1) ? " member" : " members") + ". Set what the team aims to deliver: "
				+ "confirmed outcomes, not usage."))));
		if (latest != null) {
			blocks.add(context((c) -> c
				.elements(List.of(markdownText("Now: " + summary(latest) + ", set by " + SlackText.echo(setByName, 60)
						+ " on " + DAY.format(latest.setAt().atZone(java.time.ZoneOffset.UTC))
						+ ". Saving keeps this one in the history.")))));
		}
		GoalPeriod period = (latest != null) ? latest.period() : GoalPeriod.MONTH;
		OptionObject initialPeriod = periodOption(period);
		blocks.add(input((i) -> i.blockId(blockOf(GoalDraft.PERIOD))
			.label(plainText("Period"))
			.element(staticSelect((s) -> s.actionId(GoalDraft.PERIOD)
				.options(Arrays.stream(GoalPeriod.values()).map(GoalsModal::periodOption).toList())
				.initialOption(initialPeriod)))));
		blocks.add(input((i) -> i.blockId(blockOf(GoalDraft.POINTS))
			.label(plainText("Confirmed outcome points per period"))
			.hint(plainText("Outcome sizes S/M/L are worth 1/3/8 points once confirmed."))
			.element(numberInput((n) -> n.actionId(GoalDraft.POINTS)
				.decimalAllowed(false)
				.minValue("1")
				.initialValue((latest != null) ? String.valueOf(latest.targetPoints()) : null)))));
		blocks.add(input((i) -> i.blockId(blockOf(GoalDraft.OUTCOMES))
			.label(plainText("Confirmed outcomes per period"))
			.element(numberInput((n) -> n.actionId(GoalDraft.OUTCOMES)
				.decimalAllowed(false)
				.minValue("1")
				.initialValue((latest != null) ? String.valueOf(latest.targetOutcomes()) : null)))));
		blocks.add(input((i) -> i.blockId(blockOf(GoalDraft.COST))
			.label(plainText("Ceiling on cost per confirmed point (USD)"))
			.optional(true)
			.hint(plainText("Estimated AI cost divided by confirmed points. Leave empty for no ceiling."))
			.element(numberInput((n) -> n.actionId(GoalDraft.COST)
				.decimalAllowed(true)
				.initialValue((latest != null && latest.maxCostPerPoint() != null)
						? latest.maxCostPerPoint().toPlainString() : null)))));
		blocks.add(input((i) -> i.blockId(blockOf(GoalDraft.CONFIRMED))
			.label(plainText("Minimum share of outcomes confirmed (%)"))
			.optional(true)
			.hint(plainText("E.g. 70: at least 70% of reported outcomes confirmed by a teammate or manager."))
			.element(numberInput((n) -> n.actionId(GoalDraft.CONFIRMED)
				.decimalAllowed(false)
				.initialValue((latest != null && latest.minConfirmedPercent() != null)
						? String.valueOf(latest.minConfirmedPercent()) : null)))));
		LocalDate start = period.startOf(today);
		blocks.add(input((i) -> i.blockId(blockOf(GoalDraft.START))
			.label(plainText("Starts on"))
			.hint(plainText("Not before the start of the current period."))
			.element(datePicker((d) -> d.actionId(GoalDraft.START).initialDate(start.toString())))));
		return view((v) -> v.type("modal")
			.callbackId(CALLBACK_ID)
			.privateMetadata(team.id().toString())
			.title(viewTitle((t) -> t.type("plain_text").text("Team goals")))
			.submit(viewSubmit((s) -> s.type("plain_text").text("Save goals")))
			.close(viewClose((c) -> c.type("plain_text").text("Cancel")))
			.blocks(blocks));
	}

	/**
	 * The team picker for managers of several teams.
	 * @param teams the teams the person manages (at most 100 are offered)
	 * @return the view
	 */
	static View picker(List<Team> teams) {
		List<OptionObject> options = teams.stream()
			.limit(100)
			.map((team) -> option(plainText(SlackText.echo(team.name(), 70)), team.id().toString()))
			.toList();
		return view((v) -> v.type("modal")
			.callbackId(PICK_CALLBACK_ID)
			.title(viewTitle((t) -> t.type("plain_text").text("Team goals")))
			.submit(viewSubmit((s) -> s.type("plain_text").text("Next")))
			.close(viewClose((c) -> c.type("plain_text").text("Cancel")))
			.blocks(List.of(input((i) -> i.blockId(PICK_BLOCK)
				.label(plainText("Which team?"))
				.element(staticSelect((s) -> s.actionId(PICK).options(options)))))));
	}

	/**
	 * A goal in one line: "30 points and 10 outcomes per month from 1 Nov 2026".
	 * @param goal the goal
	 * @return the summary
	 */
	static String summary(TeamGoal goal) {
		StringBuilder text = new StringBuilder();
		text.append(goal.targetPoints())
			.append(" points and ")
			.append(goal.targetOutcomes())
			.append(" outcomes per ")
			.append(goal.period().label());
		if (goal.maxCostPerPoint() != null) {
			text.append(", at most ").append(TeamProgressBlocks.dollars(goal.maxCostPerPoint())).append(" per point");
		}
		if (goal.minConfirmedPercent() != null) {
			text.append(", ").append(goal.minConfirmedPercent()).append("% confirmed");
		}
		return text.append(" from ").append(DAY.format(goal.startDate())).toString();
	}

	private static OptionObject periodOption(GoalPeriod period) {
		String label = period.label().substring(0, 1).toUpperCase(Locale.ROOT) + period.label().substring(1);
		return option(plainText(label), period.label());
	}

}
