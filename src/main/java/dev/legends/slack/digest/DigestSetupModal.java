package dev.legends.slack.digest;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import dev.legends.digest.DigestSection;
import dev.legends.digest.ScheduleSettings;
import dev.legends.teams.Team;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.timePicker;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The {@code /legends digest setup} modal: weekday, time, timezone and sections,
 * prefilled with the channel's current settings (or the defaults).
 */
final class DigestSetupModal {

	static final String CALLBACK_ID = "digest_setup";

	static final String TEAM = "digest_team";

	/** The option for a digest without a team: the channel's members. */
	static final String CHANNEL_MEMBERS = "workspace";

	static final String WEEKDAY = "digest_weekday";

	static final String TIME = "digest_time";

	static final String TIMEZONE = "digest_timezone";

	static final String SECTIONS = "digest_sections";

	static final String ACTION = "value";

	private static final int MAX_TEAMS = 99;

	private DigestSetupModal() {
	}

	static View build(String channelId, ScheduleSettings current, List<Team> teams) {
		List<OptionObject> teamOptions = new ArrayList<>();
		teamOptions.add(option(plainText("This channel's members"), CHANNEL_MEMBERS));
		teams.stream()
			.limit(MAX_TEAMS)
			.forEach((team) -> teamOptions.add(option(plainText(limit(team.name(), 75)), String.valueOf(team.id()))));
		OptionObject initialTeam = teamOptions.stream()
			.filter((option) -> option.getValue()
				.equals((current.teamId() != null) ? String.valueOf(current.teamId()) : CHANNEL_MEMBERS))
			.findFirst()
			.orElse(teamOptions.get(0));
		List<OptionObject> days = Arrays.stream(DayOfWeek.values()).map(DigestSetupModal::dayOption).toList();
		List<OptionObject> sections = Arrays.stream(DigestSection.values())
			.map((section) -> option(plainText(section.label()), section.name()))
			.toList();
		List<OptionObject> chosen = sections.stream()
			.filter((option) -> current.sections().contains(DigestSection.valueOf(option.getValue())))
			.toList();
		return view((v) -> v.type("modal")
			.callbackId(CALLBACK_ID)
			.privateMetadata(channelId)
			.title(viewTitle((t) -> t.type("plain_text").text("Weekly digest")))
			.submit(viewSubmit((s) -> s.type("plain_text").text("Save")))
			.close(viewClose((c) -> c.type("plain_text").text("Cancel")))
			.blocks(List.of(
					section((s) -> s.text(markdownText("Every week, <#" + channelId
							+ "> gets what was delivered, what it cost, cost per confirmed point and its trend. "
							+ "It covers the last full week (Monday to Sunday)."))),
					input((i) -> i.blockId(TEAM)
						.label(plainText("Team"))
						.hint(plainText(
								"Whose outcomes and cost the digest shows: a team, or whoever is in this channel "
										+ "when it posts"))
						.element(staticSelect(
								(e) -> e.actionId(ACTION).options(teamOptions).initialOption(initialTeam)))),
					input((i) -> i.blockId(WEEKDAY)
						.label(plainText("Day"))
						.element(staticSelect(
								(e) -> e.actionId(ACTION).options(days).initialOption(dayOption(current.weekday()))))),
					input((i) -> i.blockId(TIME)
						.label(plainText("Time"))
						.element(timePicker((e) -> e.actionId(ACTION).initialTime(current.time().toString())))),
					input((i) -> i.blockId(TIMEZONE)
						.label(plainText("Timezone"))
						.hint(plainText("An IANA timezone, e.g. Europe/Paris or America/New_York"))
						.element(plainTextInput((e) -> e.actionId(ACTION).initialValue(current.zone().getId())))),
					input((i) -> i.blockId(SECTIONS)
						.label(plainText("Include"))
						.element(checkboxes((e) -> e.actionId(ACTION).options(sections).initialOptions(chosen)))))));
	}

	private static String limit(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	private static OptionObject dayOption(DayOfWeek day) {
		return option(plainText(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)), day.name());
	}

}
