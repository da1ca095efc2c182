package dev.legends.usage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.legends.database.DatabaseFailures;
import dev.legends.usage.UsageStore.IdentityRow;
import dev.legends.workspace.Member;
import dev.legends.workspace.CacheEpochs;
import dev.legends.workspace.Members;
import dev.legends.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Finds the person behind each identity: known identities keep their person (cached); an
 * email or Slack id is matched to a known member; key names and provider ids wait for an
 * admin's mapping. The chat directory is asked in the background, after the usage was
 * stored: a person found there becomes a member and their usage is attached to them.
 */
@Component
class IdentityResolver implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(IdentityResolver.class);

	/** Directory lookups waiting at most (more are asked for again on a later ingest). */
	private static final int LOOKUP_QUEUE = 100_000;

	private final UsageStore store;

	private final Members members;

	/**
	 * How long an identity no one was found for is not looked up again (a member who
	 * appears meanwhile is attached by {@code MemberProfileChanged} anyway).
	 */
	static final Duration RECHECK_UNMATCHED_AFTER = Duration.ofMinutes(10);

	private final Optional<EmailDirectory> emails;

	/** Identities no member was found for lately. */
	private final Cache<WorkspaceIdentity, Boolean> recentlyUnmatched = Caffeine.newBuilder()
		.maximumSize(IdentityCache.MAX_ENTRIES)
		.expireAfterWrite(RECHECK_UNMATCHED_AFTER)
		.build();

	/** Identities the directory was asked about lately (or will be soon). */
	private final Cache<WorkspaceIdentity, Boolean> lookedUp = Caffeine.newBuilder()
		.maximumSize(IdentityCache.MAX_ENTRIES)
		.expireAfterWrite(RECHECK_UNMATCHED_AFTER)
		.build();

	/** Each workspace's Slack team id (never changes). */
	private final Cache<Long, String> teams = Caffeine.newBuilder().maximumSize(10_000).build();

	/** Directory lookups, one at a time, off the request path. */
	private final ThreadPoolExecutor directory = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
			new ArrayBlockingQueue<>(LOOKUP_QUEUE), (task) -> {
				Thread thread = new Thread(task, "legends-directory");
				thread.setDaemon(true);
				return thread;
			});

	private final IdentityCache cache;

	IdentityResolver(UsageStore store, Members members, Optional<EmailDirectory> emails, IdentityCache cache,
			CacheEpochs epochs) {
		this.store = store;
		this.members = members;
		this.emails = emails;
		this.cache = cache;
		epochs.onBump(CacheEpochs.IDENTITIES, () -> {
			this.recentlyUnmatched.invalidateAll();
			this.lookedUp.invalidateAll();
		});
	}

	/**
	 * The member id for each identity ({@code null} values for unmatched ones), from
	 * Legends' own records only (cached); never asks the chat directory, which
	 * {@link #lookUpLater} does in the background.
	 */
	Map<UsageIdentity, Long> resolve(Long workspaceId, Set<UsageIdentity> identities) {
		Map<UsageIdentity, IdentityRow> known = known(workspaceId, identities);
		Map<UsageIdentity, Long> resolved = new HashMap<>();
		for (UsageIdentity identity : identities) {
			IdentityRow row = known.get(identity);
			if (row != null && row.memberId() != null) {
				resolved.put(identity, row.memberId());
				continue;
			}
			WorkspaceIdentity key = new WorkspaceIdentity(workspaceId, identity);
			if (this.recentlyUnmatched.getIfPresent(key) != null) {
				resolved.put(identity, null);
				continue;
			}
			Long memberId = knownMember(workspaceId, identity).orElse(null);
			if (memberId == null) {
				this.recentlyUnmatched.put(key, Boolean.TRUE);
			}
			resolved.put(identity, memberId);
		}
		return resolved;
	}

	/**
	 * Ask the chat directory, in the background, for the people behind identities no
	 * member was found for (each at most once per {@link #RECHECK_UNMATCHED_AFTER}, and
	 * within the directory's rate limit: the others are asked on a later ingest): a
	 * person found becomes a member, and their usage is attached to them
	 * ({@code MemberProfileChanged}). Call it after the usage was stored.
	 * @param workspaceId the workspace
	 * @param identities the unmatched identities
	 */
	void lookUpLater(Long workspaceId, Collection<UsageIdentity> identities) {
		for (UsageIdentity identity : identities) {
			if (identity.kind() != UsageIdentity.Kind.EMAIL && identity.kind() != UsageIdentity.Kind.SLACK_ID) {
				continue;
			}
			WorkspaceIdentity key = new WorkspaceIdentity(workspaceId, identity);
			if (this.lookedUp.getIfPresent(key) != null || !mayAsk(workspaceId, identity)) {
				continue;
			}
			if (this.lookedUp.asMap().putIfAbsent(key, Boolean.TRUE) == null) {
				try {
					this.directory.execute(() -> lookUp(workspaceId, identity));
				}
				catch (RejectedExecutionException ex) {
					this.lookedUp.invalidate(key);
				}
			}
		}
	}

	/**
	 * Whether the directory may be asked about this identity now (within Slack's rate
	 * limit for email lookups); if not, a later ingest of it asks again.
	 */
	private boolean mayAsk(Long workspaceId, UsageIdentity identity) {
		if (identity.kind() != UsageIdentity.Kind.EMAIL || this.emails.isEmpty()) {
			return true;
		}
		return teamOf(workspaceId).map((teamId) -> this.emails.get().mayAsk(teamId, identity.value())).orElse(false);
	}

	private void lookUp(Long workspaceId, UsageIdentity identity) {
		try {
			Optional<String> teamId = teamOf(workspaceId);
			if (teamId.isEmpty()) {
				return;
			}
			Optional<Member> member = memberFor(teamId.get(), identity);
			member
				.ifPresent((found) -> this.recentlyUnmatched.invalidate(new WorkspaceIdentity(workspaceId, identity)));
		}
		catch (RuntimeException ex) {
			DatabaseFailures.warn(logger,
					"Looking up a person for ingested usage failed; the usage stays unmatched for now", ex);
		}
	}

	private Optional<String> teamOf(Long workspaceId) {
		String teamId = this.teams.get(workspaceId,
				(id) -> this.members.findWorkspace(id).map(Workspace::getSlackTeamId).orElse(null));
		return Optional.ofNullable(teamId);
	}

	private Optional<Long> knownMember(Long workspaceId, UsageIdentity identity) {
		return switch (identity.kind()) {
			case EMAIL -> this.members.memberIdByEmail(workspaceId, identity.value());
			case SLACK_ID -> this.members.memberIdBySlackUserId(workspaceId, identity.value());
			default -> Optional.empty();
		};
	}

	/**
	 * Forget what was found for an identity (an admin mapped it to a person).
	 * @param workspaceId the workspace
	 * @param identity the identity
	 */
	void forget(Long workspaceId, UsageIdentity identity) {
		this.recentlyUnmatched.invalidate(new WorkspaceIdentity(workspaceId, identity));
	}

	/**
	 * The stored rows of these identities: from the cache, the rest read once and cached.
	 */
	private Map<UsageIdentity, IdentityRow> known(Long workspaceId, Set<UsageIdentity> identities) {
		Map<UsageIdentity, IdentityRow> known = new HashMap<>();
		List<UsageIdentity> misses = new ArrayList<>();
		for (UsageIdentity identity : identities) {
			IdentityRow row = this.cache.get(workspaceId, identity);
			if (row != null) {
				known.put(identity, row);
			}
			else {
				misses.add(identity);
			}
		}
		if (!misses.isEmpty()) {
			long readAt = this.cache.generation();
			this.store.findIdentities(workspaceId, misses).forEach((identity, row) -> {
				this.cache.put(readAt, workspaceId, identity, row);
				known.put(identity, row);
			});
		}
		return known;
	}

	private Optional<Member> memberFor(String teamId, UsageIdentity identity) {
		return switch (identity.kind()) {
			case EMAIL -> this.emails.flatMap((directory) -> directory.userIdByEmail(teamId, identity.value()))
				.map((userId) -> this.members.member(teamId, userId));
			case SLACK_ID -> Optional.of(this.members.member(teamId, identity.value()));
			default -> Optional.empty();
		};
	}

	@Override
	public void destroy() {
		this.directory.shutdownNow();
	}

	private record WorkspaceIdentity(Long workspaceId, UsageIdentity identity) {

	}

}
