package dev.legends.slack.scoring;

import java.io.IOException;
import java.util.Optional;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.legends.scoring.Board;
import dev.legends.scoring.Scoring;
import dev.legends.slack.SlackFeature;
import dev.legends.slack.blocks.BoardBlocks;
import dev.legends.teams.Team;
import dev.legends.teams.Teams;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import dev.legends.workspace.WorkspaceProperties;

import org.springframework.stereotype.Component;

/**
 * The "Share to channel" button: posts the board in the channel, visible to all, only
 * when the person clicks it; recomputed without a personal line and with the same privacy
 * rules.
 */
@Component
class BoardShare implements SlackFeature {

	private final Scoring scoring;

	private final Teams teams;

	private final Members members;

	private final WorkspaceProperties workspace;

	BoardShare(Scoring scoring, Teams teams, Members members, WorkspaceProperties workspace) {
		this.scoring = scoring;
		this.teams = teams;
		this.members = members;
		this.workspace = workspace;
	}

	@Override
	public void register(App app) {
		app.blockAction(BoardBlocks.SHARE_ACTION, this::share);
	}

	private Response share(BlockActionRequest request, ActionContext ctx) throws IOException {
		String value = request.getPayload().getActions().get(0).getValue();
		Member member = this.members.member(request.getPayload().getTeam().getId(),
				request.getPayload().getUser().getId());
		Optional<BoardRequest.Shared> shared = BoardRequest.readShare(value, this.workspace.timezone());
		if (shared.isEmpty()) {
			ctx.respond((r) -> r.responseType("ephemeral").replaceOriginal(false).text("That button has expired."));
			return ctx.ack();
		}
		Board board;
		if (shared.get().teamId() == null) {
			board = this.scoring.board(member.getWorkspaceId(), shared.get().period(), shared.get().kind(), null);
		}
		else {
			Optional<Team> team = this.teams.find(shared.get().teamId())
				.filter((t) -> t.workspaceId().equals(member.getWorkspaceId()));
			if (team.isEmpty() || !team.get().isChannelSized()) {
				ctx.respond((r) -> r.responseType("ephemeral")
					.replaceOriginal(false)
					.text("Team boards are shared in channels only for teams of 5 or more people."));
				return ctx.ack();
			}
			board = this.scoring.teamBoard(team.get(), shared.get().period(), shared.get().kind(), null);
		}
		ctx.respond((r) -> r.responseType("in_channel")
			.replaceOriginal(false)
			.text(BoardBlocks.fallback(board))
			.blocks(BoardBlocks.shared(board, member.getDisplayName())));
		return ctx.ack();
	}

}
