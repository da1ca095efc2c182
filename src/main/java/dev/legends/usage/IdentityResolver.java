package dev.legends.usage;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.legends.usage.UsageStore.IdentityRow;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import dev.legends.workspace.Workspace;

import org.springframework.stereotype.Component;

/**
 * Finds the person behind each identity: known identities keep their person; an email is
 * matched to a member, else looked up in the chat directory; a Slack id is a member; key
 * names and provider ids wait for an admin's mapping.
 */
@Component
class IdentityResolver {

	private final UsageStore store;

	private final Members members;

	private final Optional<EmailDirectory> emails;

	IdentityResolver(UsageStore store, Members members, Optional<EmailDirectory> emails) {
		this.store = store;
		this.members = members;
		this.emails = emails;
	}

	/**
	 * The member id for each identity ({@code null} values for unmatched ones); may call
	 * the directory, so run it outside the write transaction.
	 */
	Map<UsageIdentity, Long> resolve(Long workspaceId, Set<UsageIdentity> identities) {
		Map<UsageIdentity, IdentityRow> known = this.store.findIdentities(workspaceId, identities);
		Map<UsageIdentity, Long> resolved = new HashMap<>();
		Optional<String> teamId = Optional.empty();
		boolean teamLoaded = false;
		for (UsageIdentity identity : identities) {
			IdentityRow row = known.get(identity);
			if (row != null && row.memberId() != null) {
				resolved.put(identity, row.memberId());
				continue;
			}
			if (!teamLoaded) {
				teamId = this.members.findWorkspace(workspaceId).map(Workspace::getSlackTeamId);
				teamLoaded = true;
			}
			resolved.put(identity, memberFor(workspaceId, teamId, identity).map(Member::getId).orElse(null));
		}
		return resolved;
	}

	private Optional<Member> memberFor(Long workspaceId, Optional<String> teamId, UsageIdentity identity) {
		return switch (identity.kind()) {
			case EMAIL ->
				this.members.findByEmail(workspaceId, identity.value())
					.or(() -> teamId.flatMap((team) -> this.emails
						.flatMap((directory) -> directory.userIdByEmail(team, identity.value()))
						.map((userId) -> this.members.member(team, userId))));
			case SLACK_ID -> this.members.findBySlackUserId(workspaceId, identity.value())
				.or(() -> teamId.map((team) -> this.members.member(team, identity.value())));
			default -> Optional.empty();
		};
	}

}
