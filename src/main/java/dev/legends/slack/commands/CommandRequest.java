package dev.legends.slack.commands;

import java.util.List;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import dev.legends.workspace.Member;

/**
 * A {@code /legends} invocation after parsing: who asked, where, and the words after the
 * subcommand.
 *
 * @param member the caller, resolved (and refreshed) from the workspace
 * @param payload Slack's payload as received
 * @param subcommand the first word, lower case (empty for none)
 * @param args the remaining words
 */
public record CommandRequest(Member member, SlashCommandPayload payload, String subcommand, List<String> args) {

	/**
	 * The words after the subcommand joined by single spaces.
	 * @return the argument text, possibly empty
	 */
	public String argText() {
		return String.join(" ", this.args);
	}

	/**
	 * The first argument in lower case, or an empty string.
	 * @return the first argument
	 */
	public String firstArg() {
		return this.args.isEmpty() ? "" : this.args.get(0).toLowerCase(java.util.Locale.ROOT);
	}

	public String teamId() {
		return this.payload.getTeamId();
	}

	public String userId() {
		return this.payload.getUserId();
	}

	public String channelId() {
		return this.payload.getChannelId();
	}

}
