package dev.legends.slack.scoring;

import java.util.Optional;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import dev.legends.scoring.Board;
import dev.legends.scoring.Period;
import dev.legends.scoring.Scoring;
import dev.legends.slack.blocks.BoardBlocks;
import dev.legends.slack.blocks.SlackText;
import dev.legends.slack.commands.CommandRequest;
import dev.legends.slack.commands.Replies;
import dev.legends.slack.commands.Subcommand;
import dev.legends.teams.Team;
import dev.legends.teams.Teams;

import org.springframework.stereotype.Component;

/**
 * {@code /legends top [last] [week|month|quarter] [outcomes|efficiency|usage]} and
 * {@code /legends top team NAME …}: a board for the caller, with their own position and a
 * button to share it.
 */
@Component
class TopCommand implements Subcommand {

	private final Scoring scoring;

	private final Teams teams;

	TopCommand(Scoring scoring, Teams teams) {
		this.scoring = scoring;
		this.teams = teams;
	}

	@Override
	public String name() {
		return "top";
	}

	@Override
	public Response handle(CommandRequest command, SlashCommandContext ctx) {
		BoardRequest.Parsed parsed = BoardRequest.parse(command.args());
		if (parsed.error() != null) {
			return Replies.ephemeral(ctx, parsed.error());
		}
		BoardRequest request = parsed.request();
		Optional<Period> period = this.scoring.period(request.periodWords());
		if (period.isEmpty()) {
			return Replies.ephemeral(ctx, "Periods are `week`, `month`, `quarter` or `last week|month|quarter`.");
		}
		Long workspaceId = command.member().getWorkspaceId();
		if (request.teamName() == null) {
			Board board = this.scoring.board(workspaceId, period.get(), request.kind(), command.member().getId());
			return reply(ctx, board, BoardRequest.shareValue(request.kind(), period.get(), null));
		}
		Optional<Team> team = this.teams.findByName(workspaceId, request.teamName());
		if (team.isEmpty()) {
			return Replies.ephemeral(ctx, "I don't know a team called *" + SlackText.echo(request.teamName(), 80)
					+ "*. `/legends team` lists the teams.");
		}
		Board board = this.scoring.teamBoard(team.get(), period.get(), request.kind(), command.member().getId());
		String share = team.get().isChannelSized()
				? BoardRequest.shareValue(request.kind(), period.get(), team.get().id()) : null;
		return reply(ctx, board, share);
	}

	private static Response reply(SlashCommandContext ctx, Board board, String shareValue) {
		return ctx.ack((r) -> r.responseType("ephemeral")
			.text(BoardBlocks.fallback(board))
			.blocks(BoardBlocks.personal(board, shareValue)));
	}

}
