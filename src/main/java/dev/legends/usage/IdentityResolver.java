package dev.legends.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

	/**
	 * How long an identity no one was found for is not looked up again (a member who
	 * appears meanwhile is attached by {@code MemberProfileChanged} anyway).
	 */
	static final Duration RECHECK_UNMATCHED_AFTER = Duration.ofMinutes(10);

	private final Optional<EmailDirectory> emails;

	private final Map<WorkspaceIdentity, Instant> recentlyUnmatched = new ConcurrentHashMap<>();

	private final Clock clock;

	IdentityResolver(UsageStore store, Members members, Optional<EmailDirectory> emails, Optional<Clock> clock) {
		this.store = store;
		this.members = members;
		this.emails = emails;
		this.clock = clock.orElse(Clock.systemUTC());
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
			WorkspaceIdentity key = new WorkspaceIdentity(workspaceId, identity);
			Instant checked = this.recentlyUnmatched.get(key);
			if (row != null && checked != null && checked.plus(RECHECK_UNMATCHED_AFTER).isAfter(this.clock.instant())) {
				resolved.put(identity, null);
				continue;
			}
			if (!teamLoaded) {
				teamId = this.members.findWorkspace(workspaceId).map(Workspace::getSlackTeamId);
				teamLoaded = true;
			}
			Long memberId = memberFor(workspaceId, teamId, identity).map(Member::getId).orElse(null);
			if (memberId == null) {
				this.recentlyUnmatched.put(key, this.clock.instant());
			}
			else {
				this.recentlyUnmatched.remove(key);
			}
			resolved.put(identity, memberId);
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

	private record WorkspaceIdentity(Long workspaceId, UsageIdentity identity) {

	}

}
