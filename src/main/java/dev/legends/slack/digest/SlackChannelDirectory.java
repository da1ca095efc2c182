package dev.legends.slack.digest;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import dev.legends.digest.ChannelDirectory;
import dev.legends.slack.SlackTeamScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Lists a channel's members with {@code conversations.members}, page by page, waiting out
 * 429s and retrying 5xx like every other call. A list read in the last minute is reused,
 * so that many digests of one channel due together ask Slack once.
 */
@Component
class SlackChannelDirectory implements ChannelDirectory {

	/** Slack's largest page. */
	static final int PAGE_SIZE = 999;

	/** At most this many pages (about 100,000 members) are read. */
	static final int MAX_PAGES = 100;

	private static final long FRESH_NANOS = Duration.ofMinutes(1).toNanos();

	private static final Logger logger = LoggerFactory.getLogger(SlackChannelDirectory.class);

	private final MethodsClient methods;

	private final Map<String, Entry> channels = new ConcurrentHashMap<>();

	SlackChannelDirectory(MethodsClient methods) {
		this.methods = methods;
	}

	@Override
	public Membership members(long workspaceId, String channelId) {
		Entry entry = this.channels.computeIfAbsent(workspaceId + "/" + channelId, (key) -> new Entry());
		synchronized (entry) {
			long now = System.nanoTime();
			if (entry.members != null && now - entry.readAt < FRESH_NANOS) {
				return entry.members;
			}
			Membership members;
			try (SlackTeamScope scope = SlackTeamScope.workspace(workspaceId)) {
				members = read(channelId);
			}
			if (members.isKnown()) {
				entry.members = members;
				entry.readAt = now;
			}
			return members;
		}
	}

	private Membership read(String channelId) {
		Set<String> userIds = new LinkedHashSet<>();
		String cursor = null;
		try {
			for (int page = 0; page < MAX_PAGES; page++) {
				String next = cursor;
				ConversationsMembersResponse response = SlackRetries.call(() -> this.methods
					.conversationsMembers((r) -> r.channel(channelId).limit(PAGE_SIZE).cursor(next)));
				if (!response.isOk()) {
					logger.info("conversations.members of {} answered {}", channelId, response.getError());
					return Membership.unreadable(response.getError());
				}
				if (response.getMembers() != null) {
					userIds.addAll(response.getMembers());
				}
				cursor = (response.getResponseMetadata() != null) ? response.getResponseMetadata().getNextCursor()
						: null;
				if (!StringUtils.hasText(cursor)) {
					return Membership.of(userIds);
				}
			}
			logger.warn("{} has more members than {} pages; the digest covers the first {}", channelId, MAX_PAGES,
					userIds.size());
			return Membership.of(userIds);
		}
		catch (IOException | SlackApiException ex) {
			throw new IllegalStateException("Cannot list the members of " + channelId + ": " + ex.getMessage(), ex);
		}
	}

	private static final class Entry {

		private Membership members;

		private long readAt;

	}

}
