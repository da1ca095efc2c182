package dev.legends.slack.outcomes;

import java.io.IOException;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import dev.legends.slack.commands.CommandRequest;
import dev.legends.slack.commands.Replies;
import dev.legends.slack.commands.Subcommand;

import org.springframework.stereotype.Component;

/**
 * {@code /legends report [title]}: opens the outcome modal with the title prefilled,
 * right away so the 3-second trigger is still valid.
 */
@Component
class ReportCommand implements Subcommand {

	private final ReportModals modals;

	ReportCommand(ReportModals modals) {
		this.modals = modals;
	}

	@Override
	public String name() {
		return "report";
	}

	@Override
	public Response handle(CommandRequest command, SlashCommandContext ctx) throws IOException, SlackApiException {
		String title = command.payload().getText().strip().replaceFirst("(?i)^report\\s*", "");
		ReportForm form = this.modals.fresh(command.member(), title, SlackMarkup.firstUrl(title), command.channelId());
		ViewsOpenResponse opened = this.modals.open(ctx.client(), ctx.getTriggerId(), form);
		if (!opened.isOk()) {
			return Replies.ephemeral(ctx, "I couldn't open the report form (Slack said `" + opened.getError()
					+ "`). Please try `/legends report` again.");
		}
		return Replies.ephemeral(ctx, ":memo: Opening the report form…");
	}

}
