package dev.legends.slack.commands;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import dev.legends.slack.SlackFeature;
import dev.legends.slack.blocks.HelpBlocks;
import dev.legends.slack.blocks.SlackText;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;

import org.springframework.stereotype.Component;

/**
 * Routes {@code /legends} to its subcommands: help for anything unknown, a plain "coming
 * soon" for subcommands of the contract not built yet, never an error.
 */
@Component
class LegendsCommand implements SlackFeature {

	static final String COMMAND = "/legends";

	private static final int ECHO_LENGTH = 80;

	private final Map<String, Subcommand> subcommands;

	private final Members members;

	LegendsCommand(List<Subcommand> subcommands, Members members) {
		this.subcommands = subcommands.stream().collect(Collectors.toMap(Subcommand::name, Function.identity()));
		this.members = members;
	}

	@Override
	public void register(App app) {
		app.command(COMMAND, (request, ctx) -> route(request.getPayload(), ctx));
	}

	private Response route(SlashCommandPayload payload, SlashCommandContext ctx) throws IOException, SlackApiException {
		List<String> words = words(payload.getText());
		String name = words.isEmpty() ? "" : words.get(0).toLowerCase(Locale.ROOT);
		Member member = this.members.member(payload.getTeamId(), payload.getUserId());
		Subcommand subcommand = this.subcommands.get(name);
		if (subcommand != null) {
			return subcommand.handle(new CommandRequest(member, payload, name, words.subList(1, words.size())), ctx);
		}
		if (CommandCatalog.find(name).isPresent() && !"help".equals(name)) {
			return Replies.ephemeral(ctx,
					"`/legends " + name + "` is coming soon. Try `/legends help` for what " + "works today.");
		}
		String notice = (name.isEmpty() || "help".equals(name)) ? null : "I don't know `"
				+ SlackText.echo(payload.getText(), ECHO_LENGTH).replace("`", "'") + "`. Here is what I can do:";
		return ctx
			.ack((r) -> r.responseType("ephemeral").text(HelpBlocks.fallbackText()).blocks(HelpBlocks.render(notice)));
	}

	static List<String> words(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.strip().split("\\s+")).filter((word) -> !word.isEmpty()).toList();
	}

}
