package dev.legends.slack.commands;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;

/**
 * Small helpers for the plain ephemeral answers commands give.
 */
public final class Replies {

	private Replies() {
	}

	/**
	 * Ack with a message only the caller sees.
	 * @param ctx the command context
	 * @param mrkdwn the text, in Slack mrkdwn
	 * @return the ack
	 */
	public static Response ephemeral(SlashCommandContext ctx, String mrkdwn) {
		return ctx.ack((r) -> r.responseType("ephemeral").text(mrkdwn));
	}

}
