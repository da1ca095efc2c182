package dev.legends.slack.commands;

import java.io.IOException;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import dev.legends.workspace.Members;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code optout}, {@code optin} and {@code vacation on|off}: a person's say over where
 * they appear.
 */
@Configuration(proxyBeanMethods = false)
class PreferenceCommands {

	@Bean
	Subcommand optoutCommand(Members members) {
		return simple("optout", (command, ctx) -> {
			members.setOptedOut(command.member(), true);
			return Replies.ephemeral(ctx, "You're opted out. You won't appear on shared boards, in channel digests "
					+ "or get nudges. Your own `/legends me` keeps working. `/legends optin` brings you back.");
		});
	}

	@Bean
	Subcommand optinCommand(Members members) {
		return simple("optin", (command, ctx) -> {
			members.setOptedOut(command.member(), false);
			return Replies.ephemeral(ctx, "Welcome back: you appear on shared boards and digests again.");
		});
	}

	@Bean
	Subcommand vacationCommand(Members members) {
		return simple("vacation", (command, ctx) -> {
			String setting = command.firstArg();
			if (!setting.equals("on") && !setting.equals("off")) {
				String state = command.member().isOnVacation() ? "on" : "off";
				return Replies.ephemeral(ctx,
						"Vacation is *" + state + "*. Use `/legends vacation on` or " + "`/legends vacation off`.");
			}
			boolean on = setting.equals("on");
			members.setOnVacation(command.member(), on);
			return Replies.ephemeral(ctx,
					on ? "Enjoy your time off! You're left out of boards, digests and "
							+ "nudges until you type `/legends vacation off`."
							: "Welcome back! You're on boards and " + "digests again.");
		});
	}

	private static Subcommand simple(String name, Handler handler) {
		return new Subcommand() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Response handle(CommandRequest command, SlashCommandContext ctx)
					throws IOException, SlackApiException {
				return handler.handle(command, ctx);
			}

		};
	}

	@FunctionalInterface
	interface Handler {

		Response handle(CommandRequest command, SlashCommandContext ctx) throws IOException, SlackApiException;

	}

}
