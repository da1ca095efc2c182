package dev.legends.slack.commands;

import java.util.List;
import java.util.Optional;

/**
 * Every {@code /legends} subcommand of the contract, with its usage line, a one-line
 * description and an example; the source of the help text.
 */
public final class CommandCatalog {

	/** The groups shown in help, in order. */
	public static final List<String> GROUPS = List.of("Rankings", "Outcomes", "You", "Teams and goals", "Digests",
			"Admin");

	/** Every subcommand, in the order help lists them. */
	public static final List<Entry> ENTRIES = List.of(
			new Entry("top", "Rankings", "top [last] [week|month|quarter] [outcomes|efficiency|usage]",
					"Who delivered most; efficiency and usage boards show cost beside outcomes",
					"/legends top last week efficiency"),
			new Entry("top", "Rankings", "top team NAME [last] [week|month|quarter] [board]",
					"The same boards among a team's members", "/legends top team Platform month"),
			new Entry("why", "Rankings", "why [@user] [period]", "The inputs and arithmetic behind a score",
					"/legends why @ada"),
			new Entry("report", "Outcomes", "report [title]", "Report something you shipped (opens a form)",
					"/legends report Shipped the billing export"),
			new Entry("me", "You", "me", "Your outcomes, points, usage and cost this week", "/legends me"),
			new Entry("optout", "You", "optout", "Leave shared boards, digests and nudges", "/legends optout"),
			new Entry("optin", "You", "optin", "Come back to shared boards", "/legends optin"),
			new Entry("vacation", "You", "vacation on|off", "Pause boards and nudges while you are away",
					"/legends vacation on"),
			new Entry("export", "You", "export", "Download your own Legends data", "/legends export"),
			new Entry("team", "Teams and goals", "team [name] | team setup",
					"A team's progress against its goals; setup creates or edits a team", "/legends team Platform"),
			new Entry("goals", "Teams and goals", "goals [team]", "Managers: set what a team aims to deliver",
					"/legends goals Platform"),
			new Entry("digest", "Digests", "digest setup|now|off",
					"In a channel: schedule, post now, or stop the weekly digest", "/legends digest setup"),
			new Entry("key", "Admin", "key create NAME|list|revoke NAME",
					"Admins: ingest keys for the usage API (shown once)", "/legends key create nightly-export"),
			new Entry("key", "Admin", "key map KIND VALUE @user | key unmatched",
					"Admins: say whose usage an API key, account or email is; list usage matched to nobody",
					"/legends key map api_key_name ci-bot @ada"),
			new Entry("help", "Admin", "help", "This list", "/legends help"));

	private CommandCatalog() {
	}

	/**
	 * Find a subcommand of the contract by name.
	 * @param name the first word of the command text
	 * @return the entry, if the contract has it
	 */
	public static Optional<Entry> find(String name) {
		return ENTRIES.stream().filter((entry) -> entry.name().equals(name)).findFirst();
	}

	/**
	 * One subcommand.
	 *
	 * @param name the first word
	 * @param group the help section
	 * @param usage the syntax
	 * @param description what it does
	 * @param example a full example
	 */
	public record Entry(String name, String group, String usage, String description, String example) {

	}

}
