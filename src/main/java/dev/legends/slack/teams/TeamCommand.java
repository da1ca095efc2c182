package dev.legends.slack.teams;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.legends.slack.blocks.SlackText;
import dev.legends.slack.commands.CommandRequest;
import dev.legends.slack.commands.Replies;
import dev.legends.slack.commands.Subcommand;
import dev.legends.teams.GoalProgress;
import dev.legends.teams.Goals;
import dev.legends.teams.Team;
import dev.legends.teams.Teams;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;

import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.divider;

/**
 * {@code /legends team [name] [share]} shows a team's progress against its goals to its
 * members and managers; {@code /legends team setup [name]} opens the team modal for
 * admins and the team's managers.
 */
@Component
class TeamCommand implements Subcommand {

	private static final int MAX_TEAMS_SHOWN = 5;

	private final Members members;

	private final Teams teams;

	private final Goals goals;

	private final SlackPeople people;

	private final TeamSetupFeature setup;

	TeamCommand(Members members, Teams teams, Goals goals, SlackPeople people, TeamSetupFeature setup) {
		this.members = members;
		this.teams = teams;
		this.goals = goals;
		this.people = people;
		this.setup = setup;
	}

	@Override
	public String name() {
		return "team";
	}

	@Override
	public Response handle(CommandRequest command, SlashCommandContext ctx) throws IOException, SlackApiException {
		if (command.firstArg().equals("setup")) {
			return setup(command, String.join(" ", command.args().subList(1, command.args().size())), ctx);
		}
		List<String> words = new ArrayList<>(command.args());
		boolean share = !words.isEmpty() && words.get(words.size() - 1).equalsIgnoreCase("share");
		if (share) {
			words.remove(words.size() - 1);
		}
		return show(command, String.join(" ", words), share, ctx);
	}

	private Response setup(CommandRequest command, String name, SlashCommandContext ctx)
			throws IOException, SlackApiException {
		Member member = command.member();
		boolean admin = this.members.isAdmin(member);
		Optional<Team> target = name.isBlank() ? Optional.empty()
				: this.teams.findByName(member.getWorkspaceId(), name);
		if (target.isEmpty() && name.isBlank() && !admin) {
			List<Team> managed = this.teams.managedBy(member);
			if (managed.size() > 1) {
				return Replies.ephemeral(ctx, "You manage several teams: " + names(managed)
						+ ". Type `/legends team setup NAME` to edit one.");
			}
			target = managed.stream().findFirst();
		}
		if (target.isPresent() && !this.teams.canEdit(member, target.get().id())) {
			return Replies.ephemeral(ctx, "Only Legends admins and the managers of *"
					+ SlackText.echo(target.get().name(), 80) + "* can change it.");
		}
		if (target.isEmpty() && !admin) {
			return Replies.ephemeral(ctx, "Only Legends admins can create teams (managers can edit their own "
					+ "team). Ask an admin to run `/legends team setup`.");
		}
		View view = TeamSetupModal
			.build(target.map(this.setup::formOf).orElseGet(() -> TeamSetupModal.Form.empty(name.strip())));
		ViewsOpenResponse opened = ctx.client()
			.viewsOpen((r) -> r.triggerId(command.payload().getTriggerId()).view(view));
		if (!opened.isOk()) {
			return Replies.ephemeral(ctx,
					"Slack would not open the team form (" + opened.getError() + "). Please try again.");
		}
		return ctx.ack();
	}

	private Response show(CommandRequest command, String name, boolean share, SlashCommandContext ctx) {
		Member member = command.member();
		List<Team> shown;
		if (!name.isBlank()) {
			Optional<Team> team = this.teams.findByName(member.getWorkspaceId(), name);
			if (team.isEmpty()) {
				return Replies.ephemeral(ctx,
						"There is no team called *" + SlackText.echo(name, 80) + "*. " + teamsHint(member));
			}
			if (!team.get().isVisibleTo(member.getId())) {
				return Replies.ephemeral(ctx, "Only members and managers of *" + SlackText.echo(team.get().name(), 80)
						+ "* can see its progress.");
			}
			shown = List.of(team.get());
		}
		else {
			shown = yourTeams(member);
			if (shown.isEmpty()) {
				return Replies.ephemeral(ctx, "You are not in a team yet. A Legends admin adds people to teams with "
						+ "`/legends team setup`.");
			}
		}
		if (share) {
			return shareInChannel(shown, ctx);
		}
		List<LayoutBlock> blocks = render(shown.stream().limit(MAX_TEAMS_SHOWN).toList());
		return ctx.ack((r) -> r.responseType("ephemeral").text("Team progress").blocks(blocks));
	}

	private Response shareInChannel(List<Team> shown, SlashCommandContext ctx) {
		if (shown.size() != 1) {
			return Replies.ephemeral(ctx, "Name the team to share: `/legends team NAME share`.");
		}
		Team team = shown.get(0);
		if (!this.goals.progress(team).isChannelSized()) {
			return Replies.ephemeral(ctx,
					"*" + SlackText.echo(team.name(), 80) + "* has fewer than " + Team.MIN_SIZE_FOR_CHANNELS
							+ " people counted, so its figures are never posted in channels: only its "
							+ "members and managers see them, privately, with `/legends team`.");
		}
		List<LayoutBlock> blocks = render(shown);
		return ctx.ack((r) -> r.responseType("in_channel").text("Team progress").blocks(blocks));
	}

	private List<LayoutBlock> render(List<Team> shown) {
		List<LayoutBlock> blocks = new ArrayList<>();
		for (Team team : shown) {
			if (!blocks.isEmpty()) {
				blocks.add(divider());
			}
			GoalProgress progress = this.goals.progress(team);
			blocks.addAll(TeamProgressBlocks.render(progress,
					progress.hasGoal() ? this.people.name(team.workspaceId(), progress.goal().setBy()) : null));
		}
		return blocks;
	}

	private List<Team> yourTeams(Member member) {
		Map<Long, Team> teams = new LinkedHashMap<>();
		this.teams.teamsOf(member).forEach((team) -> teams.put(team.id(), team));
		this.teams.managedBy(member).forEach((team) -> teams.putIfAbsent(team.id(), team));
		return List.copyOf(teams.values());
	}

	private String teamsHint(Member member) {
		List<Team> yours = yourTeams(member);
		return yours.isEmpty() ? "You are not in a team yet." : "Your teams: " + names(yours) + ".";
	}

	private static String names(List<Team> teams) {
		return String.join(", ", teams.stream().map((team) -> "*" + SlackText.echo(team.name(), 80) + "*").toList());
	}

}
