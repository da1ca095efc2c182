package dev.legends.slack.usage;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import dev.legends.ingest.IngestKeyInfo;
import dev.legends.ingest.IngestKeys;
import dev.legends.ingest.KeyCreation;
import dev.legends.slack.blocks.SlackText;
import dev.legends.slack.commands.CommandRequest;
import dev.legends.slack.commands.Replies;
import dev.legends.slack.commands.Subcommand;
import dev.legends.usage.IdentityMapping;
import dev.legends.usage.UnmatchedIdentity;
import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageLedger;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;

import org.springframework.stereotype.Component;

/**
 * {@code /legends key create NAME|list|revoke NAME|map KIND VALUE @user|unmatched}:
 * admins manage ingest keys and say whose usage an API key or account is.
 */
@Component
class KeyCommand implements Subcommand {

	static final String HELP = "*Ingest keys* (admins)\n"
			+ "• `/legends key create NAME`: a new key for the usage API, shown once\n"
			+ "• `/legends key list`: active keys\n• `/legends key revoke NAME`: requests with it get 401 from now on\n"
			+ "• `/legends key map KIND VALUE @user`: count usage that arrives under an identity for a person; "
			+ "KIND is one of " + "`email`, `slack_id`, `api_key_name`, `api_key_id`, `account_id`\n"
			+ "• `/legends key unmatched`: identities with usage that no one is matched to yet";

	private static final Pattern MENTION = Pattern.compile("<@([A-Z0-9]+)(?:\\|[^>]*)?>");

	private static final Map<String, UsageIdentity.Kind> KINDS = Map.of("email", UsageIdentity.Kind.EMAIL, "slack_id",
			UsageIdentity.Kind.SLACK_ID, "api_key_name", UsageIdentity.Kind.API_KEY_NAME, "api_key_id",
			UsageIdentity.Kind.API_KEY_ID, "account_id", UsageIdentity.Kind.ACCOUNT_ID);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final IngestKeys keys;

	private final UsageLedger ledger;

	private final Members members;

	KeyCommand(IngestKeys keys, UsageLedger ledger, Members members) {
		this.keys = keys;
		this.ledger = ledger;
		this.members = members;
	}

	@Override
	public String name() {
		return "key";
	}

	@Override
	public Response handle(CommandRequest command, SlashCommandContext ctx) {
		if (!this.members.isAdmin(command.member())) {
			return Replies.ephemeral(ctx, "Only Legends admins can manage ingest keys (Slack workspace admins and "
					+ "owners, and people listed in `LEGENDS_ADMIN_USERS`). Ask one of them.");
		}
		Long workspaceId = command.member().getWorkspaceId();
		List<String> rest = command.args().subList(Math.min(1, command.args().size()), command.args().size());
		String answer = switch (command.firstArg()) {
			case "create" -> create(workspaceId, rest, command.userId());
			case "list" -> list(workspaceId);
			case "revoke" -> revoke(workspaceId, rest);
			case "map" -> map(command, rest);
			case "unmatched" -> unmatched(workspaceId);
			default -> HELP;
		};
		return Replies.ephemeral(ctx, answer);
	}

	private String create(Long workspaceId, List<String> rest, String userId) {
		if (rest.size() != 1) {
			return "Give the key one name, e.g. `/legends key create nightly-export`.";
		}
		KeyCreation created = this.keys.create(workspaceId, rest.get(0), userId);
		String name = SlackText.escape(rest.get(0));
		return switch (created.outcome()) {
			case INVALID_NAME -> "A key name uses letters, digits, `.`, `_` and `-` (up to 64), e.g. `nightly-export`.";
			case DUPLICATE_NAME -> "A key named *" + name + "* already exists. Pick another name, or revoke it first "
					+ "with `/legends key revoke " + name + "`.";
			case CREATED -> "Ingest key *" + name + "* created. Copy it now: it is shown only this once and Legends "
					+ "stores only its hash.\n```" + created.secret() + "```\nSend usage with "
					+ "`Authorization: Bearer <key>` to `POST /api/v1/usage` (see README, \"Usage data in\"). "
					+ "`/legends key revoke " + name + "` disables it.";
		};
	}

	private String list(Long workspaceId) {
		List<IngestKeyInfo> active = this.keys.list(workspaceId);
		if (active.isEmpty()) {
			return "No active ingest keys. Create one with `/legends key create NAME`.";
		}
		return "*Active ingest keys*\n" + active.stream()
			.map((key) -> "• *" + SlackText.escape(key.name()) + "*: created " + DAY.format(key.createdAt()) + " by "
					+ creator(workspaceId, key.createdBy()) + ", "
					+ ((key.lastUsedAt() != null) ? "last used " + DAY.format(key.lastUsedAt()) : "never used"))
			.collect(Collectors.joining("\n"));
	}

	private String revoke(Long workspaceId, List<String> rest) {
		if (rest.size() != 1) {
			return "Name the key to revoke, e.g. `/legends key revoke nightly-export` (`/legends key list` shows them).";
		}
		String name = SlackText.escape(rest.get(0));
		return this.keys.revoke(workspaceId, rest.get(0))
				? "Revoked *" + name + "*. Requests with it get 401 from now on; usage already stored stays."
				: "There is no active key named *" + name + "*. `/legends key list` shows the active ones.";
	}

	private String map(CommandRequest command, List<String> rest) {
		UsageIdentity.Kind kind = rest.isEmpty() ? null : KINDS.get(rest.get(0).toLowerCase(Locale.ROOT));
		Matcher mention = rest.isEmpty() ? null : MENTION.matcher(rest.get(rest.size() - 1));
		if (kind == null || rest.size() < 3 || !mention.matches()) {
			return "Use `/legends key map KIND VALUE @user`, e.g. `/legends key map api_key_name ci-bot @ada`. KIND is "
					+ "one of `email`, `slack_id`, `api_key_name`, `api_key_id`, `account_id`.";
		}
		String value = String.join(" ", rest.subList(1, rest.size() - 1));
		Member person = this.members.member(command.teamId(), mention.group(1));
		IdentityMapping mapping = this.ledger.mapIdentity(person.getWorkspaceId(), new UsageIdentity(kind, value),
				person.getId());
		return "Done: usage under " + rest.get(0).toLowerCase(Locale.ROOT) + " `" + SlackText.escape(value)
				+ "` counts for " + SlackText.escape(person.getDisplayName()) + " (" + mapping.records()
				+ " record(s) so far, and everything that arrives later).";
	}

	private String unmatched(Long workspaceId) {
		List<UnmatchedIdentity> unmatched = this.ledger.unmatchedIdentities(workspaceId);
		if (unmatched.isEmpty()) {
			return "All usage is matched to people.";
		}
		return "*Usage no one is matched to yet*\n" + unmatched.stream()
			.limit(20)
			.map((identity) -> "• " + identity.identity().kind().name().toLowerCase(Locale.ROOT) + " `"
					+ SlackText.escape(identity.identity().value()) + "`: " + identity.records() + " record(s), "
					+ UsageText.tokens(identity.totalTokens()) + " tokens")
			.collect(Collectors.joining("\n")) + "\nMap one with `/legends key map KIND VALUE @user`.";
	}

	private String creator(Long workspaceId, String slackUserId) {
		if (slackUserId == null) {
			return "someone";
		}
		return this.members.findBySlackUserId(workspaceId, slackUserId)
			.map((member) -> SlackText.escape(member.getDisplayName()))
			.orElse(slackUserId);
	}

}
