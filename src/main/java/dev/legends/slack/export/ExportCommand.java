package dev.legends.slack.export;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import dev.legends.slack.commands.CommandRequest;
import dev.legends.slack.commands.Replies;
import dev.legends.slack.commands.Subcommand;
import dev.legends.workspace.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * {@code /legends export}: sends the caller a JSON file, by DM, of everything Legends
 * keeps about them.
 */
@Component
class ExportCommand implements Subcommand {

	private static final Logger logger = LoggerFactory.getLogger(ExportCommand.class);

	private final PersonalExport export;

	private final Executor executor;

	ExportCommand(PersonalExport export, @Qualifier("applicationTaskExecutor") Executor executor) {
		this.export = export;
		this.executor = executor;
	}

	@Override
	public String name() {
		return "export";
	}

	@Override
	public Response handle(CommandRequest command, SlashCommandContext ctx) {
		Member member = command.member();
		MethodsClient client = ctx.client();
		this.executor.execute(() -> send(member, client, ctx));
		return Replies.ephemeral(ctx, "Preparing your export: I'll send it to you as a file in a DM in a moment. "
				+ "It holds your profile, teams, the last 90 days of usage and the last year of outcomes.");
	}

	private void send(Member member, MethodsClient client, SlashCommandContext ctx) {
		try {
			String json = this.export.toJson(member);
			ConversationsOpenResponse dm = client.conversationsOpen((r) -> r.users(List.of(member.getSlackUserId())));
			if (!dm.isOk()) {
				throw new IllegalStateException("conversations.open: " + dm.getError());
			}
			String filename = "legends-export-" + LocalDate.now(member.getZoneId()) + ".json";
			FilesUploadV2Response upload = client.filesUploadV2((r) -> r.channel(dm.getChannel().getId())
				.filename(filename)
				.title("Your Legends data")
				.content(json)
				.initialComment("Here is everything Legends keeps about you."));
			if (!upload.isOk()) {
				throw new IllegalStateException("files.uploadV2: " + upload.getError());
			}
		}
		catch (IOException | SlackApiException | RuntimeException ex) {
			logger.warn("Export for {} failed: {}", member.getSlackUserId(), ex.getMessage());
			tellFailure(ctx);
		}
	}

	private static void tellFailure(SlashCommandContext ctx) {
		try {
			ctx.respond("Sorry, I couldn't send your export just now. Please try `/legends export` again later.");
		}
		catch (IOException ex) {
			logger.warn("Could not tell about the failed export: {}", ex.getMessage());
		}
	}

}
