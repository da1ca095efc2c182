package dev.legends.digest;

import java.util.Collection;
import java.util.Set;

/**
 * Port to the chat platform for who is in a channel, implemented at the Slack edge: a
 * digest without a team covers the channel's members.
 */
public interface ChannelDirectory {

	/**
	 * The members of a channel, read when a digest is composed.
	 * @param workspaceId the workspace the channel is in (whose installation asks)
	 * @param channelId the channel
	 * @return the members' user ids, or why the platform would not tell (e.g.
	 * {@code missing_scope})
	 * @throws IllegalStateException when the platform or the network kept failing (worth
	 * trying again later)
	 */
	Membership members(long workspaceId, String channelId);

	/**
	 * A channel's members, or why they could not be read.
	 *
	 * @param userIds the members' user ids (people and bots alike), empty when unknown
	 * @param error the platform's refusal, or {@code null} when the members are known
	 */
	record Membership(Set<String> userIds, String error) {

		public Membership {
			userIds = Set.copyOf(userIds);
		}

		/**
		 * Members read successfully.
		 * @param userIds their user ids
		 * @return the membership
		 */
		public static Membership of(Collection<String> userIds) {
			return new Membership(Set.copyOf(userIds), null);
		}

		/**
		 * Members the platform refused to list.
		 * @param error its error, e.g. {@code missing_scope}
		 * @return the membership
		 */
		public static Membership unreadable(String error) {
			return new Membership(Set.of(), (error != null) ? error : "unknown_error");
		}

		/**
		 * Whether the members are known.
		 * @return {@code true} when they were read
		 */
		public boolean isKnown() {
			return this.error == null;
		}

	}

}
