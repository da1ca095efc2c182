package dev.legends.slack.teams;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import dev.legends.slack.blocks.SlackText;
import dev.legends.slack.commands.CommandRequest;
import dev.legends.slack.commands.Replies;
import dev.legends.slack.commands.Subcommand;
import dev.legends.teams.Team;
import dev.legends.teams.Teams;

import org.springframework.stereotype.Component;

/**
 * {@code /legends goals [team]}: opens the goals modal for a team the caller manages, or
 * a team picker first when they manage several.
 */
@Component
class GoalsCommand implements Subcommand {

	private final Teams teams;

	private final GoalsFeature feature;

	GoalsCommand(Teams teams, GoalsFeature feature) {
		this.teams = teams;
		this.feature = feature;
	}

	@Override
	public String name() {
		return "goals";
	}

	@Override
	public Response handle(CommandRequest command, SlashCommandContext ctx) throws IOException, SlackApiException {
		List<Team> managed = this.teams.managedBy(command.member());
		if (managed.isEmpty()) {
			return Replies.ephemeral(ctx, "Only team managers can set goals, and you don't manage a team. "
					+ "A Legends admin can make you a manager with `/legends team setup`.");
		}
		View view;
		if (!command.argText().isBlank()) {
			Optional<Team> named = managed.stream()
				.filter((team) -> team.name().equalsIgnoreCase(command.argText().strip()))
				.findFirst();
			if (named.isEmpty()) {
				return Replies.ephemeral(ctx, "You don't manage a team called *" + SlackText.echo(command.argText(), 80)
						+ "*. Type `/legends goals` to pick one of yours.");
			}
			view = this.feature.goalsView(named.get());
		}
		else {
			view = (managed.size() == 1) ? this.feature.goalsView(managed.get(0)) : GoalsModal.picker(managed);
		}
		ViewsOpenResponse opened = ctx.client()
			.viewsOpen((r) -> r.triggerId(command.payload().getTriggerId()).view(view));
		if (!opened.isOk()) {
			return Replies.ephemeral(ctx,
					"Slack would not open the goals form (" + opened.getError() + "). Please try again.");
		}
		return ctx.ack();
	}

}
