package dev.legends.slack.teams;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.view.View;
import dev.legends.slack.SlackFeature;
import dev.legends.slack.blocks.SlackText;
import dev.legends.teams.GoalDraft;
import dev.legends.teams.GoalPeriod;
import dev.legends.teams.Goals;
import dev.legends.teams.Team;
import dev.legends.teams.TeamGoal;
import dev.legends.teams.Teams;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The goals modal's listeners: the team picker, the submission (re-checking on the server
 * that the person manages the team) and the App Home "Set goals" button.
 */
@Component
class GoalsFeature implements SlackFeature {

	/** The action id of the App Home "Set goals" button; its value is the team id. */
	static final String SET_GOALS_ACTION = "home_set_goals";

	private static final Logger logger = LoggerFactory.getLogger(GoalsFeature.class);

	private final Members members;

	private final Teams teams;

	private final Goals goals;

	private final SlackPeople people;

	private final MethodsClient methods;

	GoalsFeature(Members members, Teams teams, Goals goals, SlackPeople people, MethodsClient methods) {
		this.members = members;
		this.teams = teams;
		this.goals = goals;
		this.people = people;
		this.methods = methods;
	}

	@Override
	public void register(App app) {
		app.viewSubmission(GoalsModal.CALLBACK_ID, (request, ctx) -> submit(request.getPayload(), ctx));
		app.viewSubmission(GoalsModal.PICK_CALLBACK_ID, (request, ctx) -> pick(request.getPayload(), ctx));
		app.blockAction(SET_GOALS_ACTION, (request, ctx) -> setGoalsClicked(request.getPayload(), ctx));
	}

	/**
	 * The goals modal for a team, prefilled with its latest goal.
	 * @param team the team
	 * @return the view
	 */
	View goalsView(Team team) {
		TeamGoal latest = this.goals.latest(team.id()).orElse(null);
		return GoalsModal.build(team, latest,
				(latest != null) ? this.people.name(team.workspaceId(), latest.setBy()) : null, this.goals.today());
	}

	private Response pick(ViewSubmissionPayload payload, ViewSubmissionContext ctx) {
		Member actor = this.members.member(payload.getTeam().getId(), payload.getUser().getId());
		String choice = new FormValues(payload.getView().getState()).option(GoalsModal.PICK_BLOCK, GoalsModal.PICK);
		Optional<Team> team = managedTeam(actor, TeamSetupFeature.parseId(choice));
		if (team.isEmpty()) {
			return ctx.ack((r) -> r.responseAction("errors")
				.errors(Map.of(GoalsModal.PICK_BLOCK, "Pick one of the teams you manage.")));
		}
		View view = goalsView(team.get());
		return ctx.ack((r) -> r.responseAction("update").view(view));
	}

	private Response submit(ViewSubmissionPayload payload, ViewSubmissionContext ctx) {
		Member actor = this.members.member(payload.getTeam().getId(), payload.getUser().getId());
		Optional<Team> team = managedTeam(actor, TeamSetupFeature.parseId(payload.getView().getPrivateMetadata()));
		if (team.isEmpty()) {
			logger.info("Refused a goals submission from {} for team {}", actor.getSlackUserId(),
					payload.getView().getPrivateMetadata());
			return ctx.ack((r) -> r.responseAction("update")
				.view(Modals.notice("Not allowed", "Only this team's managers can set its goals. Nothing was "
						+ "changed. Ask an admin to add you as a manager with `/legends team setup`.")));
		}
		Map<String, String> errors = new LinkedHashMap<>();
		GoalDraft draft = draft(new FormValues(payload.getView().getState()), errors);
		this.goals.problems(draft).forEach((field, problem) -> errors.putIfAbsent(GoalsModal.blockOf(field), problem));
		if (!errors.isEmpty()) {
			return ctx.ack((r) -> r.responseAction("errors").errors(errors));
		}
		TeamGoal goal = this.goals.set(team.get().id(), draft, actor);
		confirm(actor, team.get(), goal);
		return ctx.ack();
	}

	private Response setGoalsClicked(BlockActionPayload payload, ActionContext ctx)
			throws IOException, SlackApiException {
		Member actor = this.members.member(payload.getTeam().getId(), payload.getUser().getId());
		String value = payload.getActions().isEmpty() ? null : payload.getActions().get(0).getValue();
		Optional<Team> team = managedTeam(actor, TeamSetupFeature.parseId(value));
		View view = team.map(this::goalsView)
			.orElseGet(() -> Modals.notice("Not allowed", "Only this team's managers can set its goals."));
		ctx.client().viewsOpen((r) -> r.triggerId(payload.getTriggerId()).view(view));
		return ctx.ack();
	}

	private Optional<Team> managedTeam(Member actor, Long teamId) {
		if (teamId == null) {
			return Optional.empty();
		}
		return this.teams.find(teamId)
			.filter((team) -> team.workspaceId().equals(actor.getWorkspaceId()) && team.isManagedBy(actor.getId()));
	}

	private static GoalDraft draft(FormValues form, Map<String, String> errors) {
		GoalPeriod period = GoalPeriod.parse(form.option(GoalsModal.blockOf(GoalDraft.PERIOD), GoalDraft.PERIOD))
			.orElse(null);
		Integer points = whole(form, GoalDraft.POINTS, errors);
		Integer outcomes = whole(form, GoalDraft.OUTCOMES, errors);
		Integer confirmed = whole(form, GoalDraft.CONFIRMED, errors);
		BigDecimal cost = null;
		String costText = form.text(GoalsModal.blockOf(GoalDraft.COST), GoalDraft.COST);
		if (costText != null) {
			try {
				cost = new BigDecimal(costText.replace("$", "").strip());
			}
			catch (NumberFormatException ex) {
				errors.put(GoalsModal.blockOf(GoalDraft.COST), "Enter a dollar amount such as 2.50.");
			}
		}
		return new GoalDraft(period, points, outcomes, cost, confirmed,
				form.date(GoalsModal.blockOf(GoalDraft.START), GoalDraft.START));
	}

	private static Integer whole(FormValues form, String field, Map<String, String> errors) {
		String text = form.text(GoalsModal.blockOf(field), field);
		if (text == null) {
			return null;
		}
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			errors.put(GoalsModal.blockOf(field), "Enter a whole number.");
			return null;
		}
	}

	private void confirm(Member actor, Team team, TeamGoal goal) {
		String text = "Goals saved for *" + SlackText.echo(team.name(), 80) + "*: " + GoalsModal.summary(goal)
				+ ". Progress: `/legends team " + SlackText.echo(team.name(), 80) + "`.";
		try {
			this.methods.chatPostMessage((r) -> r.channel(actor.getSlackUserId()).text(text));
		}
		catch (IOException | SlackApiException ex) {
			logger.warn("Could not confirm the goals to {}: {}", actor.getSlackUserId(), ex.getMessage());
		}
	}

}
