package dev.legends.slack.teams;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.usergroups.UsergroupsListResponse;
import dev.legends.slack.SlackFeature;
import dev.legends.slack.blocks.SlackText;
import dev.legends.teams.Team;
import dev.legends.teams.TeamChange;
import dev.legends.teams.Teams;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Opens the team setup modal and stores its submission after re-checking, on the server,
 * that the person may create or edit that team.
 */
@Component
class TeamSetupFeature implements SlackFeature {

	private static final Logger logger = LoggerFactory.getLogger(TeamSetupFeature.class);

	private static final Pattern USERGROUP_ID = Pattern.compile("S[A-Z0-9]{2,}");

	private static final Long UNREADABLE = -1L;

	private final Members members;

	private final Teams teams;

	private final SlackPeople people;

	private final MethodsClient methods;

	TeamSetupFeature(Members members, Teams teams, SlackPeople people, MethodsClient methods) {
		this.members = members;
		this.teams = teams;
		this.people = people;
		this.methods = methods;
	}

	@Override
	public void register(App app) {
		app.viewSubmission(TeamSetupModal.CALLBACK_ID, (request, ctx) -> submit(request.getPayload(), ctx));
	}

	/**
	 * The modal for a team, prefilled.
	 * @param team the team to edit
	 * @return the form
	 */
	TeamSetupModal.Form formOf(Team team) {
		return new TeamSetupModal.Form(team.id(), team.name(), this.people.slackIds(team.memberIds()),
				this.people.slackIds(team.managerIds()), team.usergroupId(), team.digestChannelId());
	}

	private Response submit(ViewSubmissionPayload payload, ViewSubmissionContext ctx) {
		String slackTeamId = payload.getTeam().getId();
		Member actor = this.members.member(slackTeamId, payload.getUser().getId());
		Long teamId = parseId(payload.getView().getPrivateMetadata());
		if (UNREADABLE.equals(teamId) || !this.teams.canEdit(actor, teamId)) {
			logger.info("Refused a team setup submission from {} for team {}", actor.getSlackUserId(), teamId);
			String text = (teamId == null) ? "Only Legends admins can create teams. Nothing was saved."
					: "Only Legends admins and this team's managers can change it. Nothing was saved.";
			return ctx.ack((r) -> r.responseAction("update").view(Modals.notice("Not allowed", text)));
		}
		FormValues form = new FormValues(payload.getView().getState());
		Map<String, String> errors = new LinkedHashMap<>();
		String usergroupInput = form.text(TeamSetupModal.USERGROUP_BLOCK, TeamSetupModal.USERGROUP);
		String usergroupId = null;
		Set<Long> memberIds;
		if (usergroupInput != null) {
			usergroupId = resolveUsergroup(usergroupInput);
			Optional<Set<Long>> groupMembers = (usergroupId != null)
					? this.teams.usergroupMembers(actor.getWorkspaceId(), usergroupId) : Optional.empty();
			if (groupMembers.isEmpty()) {
				errors.put(TeamSetupModal.USERGROUP_BLOCK, "I couldn't read that user group. Use its id (S0…) or "
						+ "@handle, or leave this empty and pick members above.");
			}
			memberIds = groupMembers.orElse(Set.of());
		}
		else {
			memberIds = this.people.memberIds(slackTeamId,
					form.users(TeamSetupModal.MEMBERS_BLOCK, TeamSetupModal.MEMBERS));
		}
		Set<Long> managerIds = this.people.memberIds(slackTeamId,
				form.users(TeamSetupModal.MANAGERS_BLOCK, TeamSetupModal.MANAGERS));
		TeamChange change = new TeamChange(teamId, actor.getWorkspaceId(),
				form.text(TeamSetupModal.NAME_BLOCK, TeamSetupModal.NAME), memberIds, managerIds, usergroupId,
				form.conversation(TeamSetupModal.CHANNEL_BLOCK, TeamSetupModal.CHANNEL));
		this.teams.problems(change).forEach((field, problem) -> errors.putIfAbsent(blockOf(field), problem));
		if (!errors.isEmpty()) {
			return ctx.ack((r) -> r.responseAction("errors").errors(errors));
		}
		Team team = this.teams.save(change, actor);
		confirm(actor, team, teamId == null);
		return ctx.ack();
	}

	private void confirm(Member actor, Team team, boolean created) {
		String text = (created ? "Team *" : "Saved team *") + SlackText.echo(team.name(), 80) + "*"
				+ (created ? " is set up" : "") + ": " + team.size() + ((team.size() == 1) ? " member" : " members")
				+ ((team.usergroupId() != null) ? " from user group " + team.usergroupId() + " (re-synced daily)" : "")
				+ ", managed by " + String.join(", ", this.people.names(team.managerIds()))
				+ ((team.digestChannelId() != null) ? ", digest in <#" + team.digestChannelId() + ">" : "")
				+ ". Managers set goals with `/legends goals`; everyone sees progress with `/legends team "
				+ SlackText.echo(team.name(), 80) + "`.";
		try {
			this.methods.chatPostMessage((r) -> r.channel(actor.getSlackUserId()).text(text));
		}
		catch (IOException | SlackApiException ex) {
			logger.warn("Could not confirm the team setup to {}: {}", actor.getSlackUserId(), ex.getMessage());
		}
	}

	private String resolveUsergroup(String input) {
		String text = input.strip();
		if (USERGROUP_ID.matcher(text).matches()) {
			return text;
		}
		String handle = text.replaceFirst("^@", "").toLowerCase(Locale.ROOT);
		try {
			UsergroupsListResponse response = this.methods.usergroupsList((r) -> r);
			if (response.isOk() && response.getUsergroups() != null) {
				return response.getUsergroups()
					.stream()
					.filter((group) -> handle.equalsIgnoreCase(group.getHandle()))
					.map(com.slack.api.model.Usergroup::getId)
					.findFirst()
					.orElse(null);
			}
		}
		catch (IOException | SlackApiException ex) {
			logger.warn("usergroups.list failed: {}", ex.getMessage());
		}
		return null;
	}

	private static String blockOf(String field) {
		return switch (field) {
			case Teams.NAME -> TeamSetupModal.NAME_BLOCK;
			case Teams.MEMBERS -> TeamSetupModal.MEMBERS_BLOCK;
			case Teams.MANAGERS -> TeamSetupModal.MANAGERS_BLOCK;
			default -> TeamSetupModal.NAME_BLOCK;
		};
	}

	/**
	 * The team id in a modal's private metadata: {@code null} for a new team, {@code -1}
	 * for anything unreadable.
	 */
	static Long parseId(String metadata) {
		if (metadata == null || metadata.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(metadata.strip());
		}
		catch (NumberFormatException ex) {
			return UNREADABLE;
		}
	}

}
