package dev.legends.slack.commands;

import java.io.IOException;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;

/**
 * One {@code /legends} subcommand; every bean of this type is routed by its
 * {@link #name()}.
 */
public interface Subcommand {

	/**
	 * The first word of the command text this handler answers, in lower case.
	 * @return the name, e.g. {@code top}
	 */
	String name();

	/**
	 * Handle the command: parse, call a domain API, render, ack (within 3 seconds).
	 * @param command the parsed command
	 * @param ctx Bolt's context, for ack, respond and the Web API client
	 * @return the ack
	 * @throws IOException when Slack cannot be reached
	 * @throws SlackApiException when Slack answers with an error
	 */
	Response handle(CommandRequest command, SlashCommandContext ctx) throws IOException, SlackApiException;

}
