package dev.legends.slack.teams;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.conversationsSelect;
import static com.slack.api.model.block.element.BlockElements.multiUsersSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The team setup modal: name, members or a Slack user group, managers and a default
 * digest channel; the team id (empty for a new team) rides in {@code private_metadata}.
 */
final class TeamSetupModal {

	static final String CALLBACK_ID = "team_setup";

	static final String NAME_BLOCK = "team_name", MEMBERS_BLOCK = "team_members", USERGROUP_BLOCK = "team_usergroup",
			MANAGERS_BLOCK = "team_managers", CHANNEL_BLOCK = "team_channel";

	static final String NAME = "name", MEMBERS = "members", USERGROUP = "usergroup", MANAGERS = "managers",
			CHANNEL = "channel";

	private TeamSetupModal() {
	}

	/**
	 * The modal, prefilled from a form (empty for a new team).
	 * @param form the values to show
	 * @return the view
	 */
	static View build(Form form) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(input((i) -> i.blockId(NAME_BLOCK)
			.label(plainText("Team name"))
			.element(plainTextInput((p) -> p.actionId(NAME).maxLength(80).initialValue(form.name())))));
		blocks.add(input((i) -> i.blockId(MEMBERS_BLOCK)
			.label(plainText("Members"))
			.optional(true)
			.hint(plainText("Leave empty when you pick a user group below."))
			.element(multiUsersSelect((m) -> m.actionId(MEMBERS)
				.placeholder(plainText("Pick people"))
				.initialUsers(form.memberUserIds().isEmpty() ? null : form.memberUserIds())))));
		blocks.add(input((i) -> i.blockId(USERGROUP_BLOCK)
			.label(plainText("Or a Slack user group"))
			.optional(true)
			.hint(plainText("A user group id (S0…) or @handle. Its members become the team's members "
					+ "and are re-synced daily."))
			.element(plainTextInput((p) -> p.actionId(USERGROUP).maxLength(80).initialValue(form.usergroup())))));
		blocks.add(input((i) -> i.blockId(MANAGERS_BLOCK)
			.label(plainText("Managers"))
			.hint(plainText("Managers set the team's goals and may edit the team."))
			.element(multiUsersSelect((m) -> m.actionId(MANAGERS)
				.placeholder(plainText("Pick managers"))
				.initialUsers(form.managerUserIds().isEmpty() ? null : form.managerUserIds())))));
		blocks.add(input((i) -> i.blockId(CHANNEL_BLOCK)
			.label(plainText("Default digest channel"))
			.optional(true)
			.element(conversationsSelect((c) -> c.actionId(CHANNEL)
				.placeholder(plainText("Pick a channel"))
				.initialConversation(form.channelId())))));
		blocks.add(context((c) -> c.elements(List.of(markdownText("Team figures appear in channels only for teams "
				+ "of 5 or more; smaller teams see them privately.")))));
		String title = (form.teamId() == null) ? "New team" : "Edit team";
		return view((v) -> v.type("modal")
			.callbackId(CALLBACK_ID)
			.privateMetadata((form.teamId() != null) ? form.teamId().toString() : "")
			.title(viewTitle((t) -> t.type("plain_text").text(title)))
			.submit(viewSubmit((s) -> s.type("plain_text").text("Save")))
			.close(viewClose((c) -> c.type("plain_text").text("Cancel")))
			.blocks(blocks));
	}

	/**
	 * What the modal shows.
	 *
	 * @param teamId the team being edited, or {@code null}
	 * @param name the name
	 * @param memberUserIds Slack ids of the members
	 * @param managerUserIds Slack ids of the managers
	 * @param usergroup the user group id
	 * @param channelId the digest channel
	 */
	record Form(Long teamId, String name, List<String> memberUserIds, List<String> managerUserIds, String usergroup,
			String channelId) {

		static Form empty(String name) {
			return new Form(null, name, List.of(), List.of(), null, null);
		}

	}

}
