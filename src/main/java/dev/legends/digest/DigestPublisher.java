package dev.legends.digest;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Port to the chat platform for digests, implemented at the Slack edge: posts a digest
 * with its period key in the message metadata, finds one already posted, and tells a
 * schedule's owner what to fix.
 */
public interface DigestPublisher {

	/**
	 * Post a digest (and its chart) to its channel, pacing posts per channel and
	 * honouring rate limits; the future completes when Slack has answered for good.
	 * @param delivery what to post where
	 * @return the result
	 */
	CompletableFuture<PublishResult> post(DigestDelivery delivery);

	/**
	 * Look in a channel's recent history for a digest message carrying a period key in
	 * its metadata (to reconcile a delivery that was sent but not recorded as posted);
	 * throws when the history cannot be read, so that nothing is posted blind.
	 * @param workspaceId the schedule's workspace (whose installation reads the history)
	 * @param channelId the channel
	 * @param scheduleId the schedule
	 * @param periodKey the period key
	 * @return the message, if found
	 */
	Optional<PostedMessage> findPosted(long workspaceId, String channelId, long scheduleId, String periodKey);

	/**
	 * Tell a schedule's owner, by DM, that its channel cannot be posted to and how to fix
	 * it.
	 * @param problem the problem
	 */
	void tellOwner(DeliveryProblem problem);

	/**
	 * What to post.
	 *
	 * @param workspaceId the schedule's workspace (whose installation posts it)
	 * @param scheduleId the schedule
	 * @param periodKey the period key (put into the message metadata)
	 * @param channelId the channel
	 * @param digest the content
	 * @param chartPng the chart as PNG, or {@code null} without a chart
	 * @param sending to run just before the message is handed to Slack (records in the
	 * ledger that it may be in the channel from then on)
	 */
	record DigestDelivery(long workspaceId, long scheduleId, String periodKey, String channelId, Digest digest,
			byte[] chartPng, Runnable sending) {

	}

	/**
	 * A digest message in a channel.
	 *
	 * @param channelId the channel
	 * @param ts the message timestamp
	 */
	record PostedMessage(String channelId, String ts) {

	}

	/**
	 * A channel a schedule cannot post to.
	 *
	 * @param workspaceId the schedule's workspace (whose installation sends the DM)
	 * @param ownerUserId the owner's Slack user id
	 * @param channelId the channel
	 * @param error Slack's error, e.g. {@code not_in_channel}
	 */
	record DeliveryProblem(long workspaceId, String ownerUserId, String channelId, String error) {

	}

	/**
	 * How a post ended.
	 *
	 * @param status posted, channel unavailable (someone must fix it) or failed
	 * (transient, retried later)
	 * @param message the posted message, when posted
	 * @param error Slack's error otherwise
	 */
	record PublishResult(Status status, PostedMessage message, String error) {

		/**
		 * A successful post.
		 * @param channelId the channel
		 * @param ts the message timestamp
		 * @return the result
		 */
		public static PublishResult posted(String channelId, String ts) {
			return new PublishResult(Status.POSTED, new PostedMessage(channelId, ts), null);
		}

		/**
		 * The channel cannot be posted to until someone acts.
		 * @param error Slack's error
		 * @return the result
		 */
		public static PublishResult channelUnavailable(String error) {
			return new PublishResult(Status.CHANNEL_UNAVAILABLE, null, error);
		}

		/**
		 * A failure worth retrying later.
		 * @param error what went wrong
		 * @return the result
		 */
		public static PublishResult failed(String error) {
			return new PublishResult(Status.FAILED, null, error);
		}

	}

	/**
	 * How a post ended.
	 */
	enum Status {

		/** Posted. */
		POSTED,

		/** The channel is gone, archived or the bot is not in it. */
		CHANNEL_UNAVAILABLE,

		/** Slack kept failing (5xx, network); retried later. */
		FAILED

	}

}
