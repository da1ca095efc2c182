package dev.legends.digest;

import java.util.Optional;

import dev.legends.digest.DeliveryLedger.Claim;

/**
 * A request to post a channel's week-to-date digest now, as the ledger answered it: this
 * request claimed the minute's digest and may post it, or it is being posted or was
 * posted already (by an earlier request in the same minute), so that a second
 * {@code digest now} can say so instead of promising a post that will not come.
 */
public final class DigestNow {

	/** What the request found. */
	public enum State {

		/** Claimed by this request: post it with {@link DigestSchedules#post}. */
		STARTED,

		/** Another request of the same minute is posting it now. */
		POSTING,

		/** Posted already this minute. */
		POSTED,

		/** This minute's digest failed too often; a new minute starts afresh. */
		GIVEN_UP

	}

	private final State state;

	private final String channelId;

	private final String messageTs;

	final DigestSchedule schedule;

	final DigestPeriod period;

	final Claim claim;

	private DigestNow(State state, String channelId, String messageTs, DigestSchedule schedule, DigestPeriod period,
			Claim claim) {
		this.state = state;
		this.channelId = channelId;
		this.messageTs = messageTs;
		this.schedule = schedule;
		this.period = period;
		this.claim = claim;
	}

	static DigestNow started(DigestSchedule schedule, DigestPeriod period, Claim claim) {
		return new DigestNow(State.STARTED, schedule.getChannelId(), null, schedule, period, claim);
	}

	static DigestNow found(State state, String channelId, String messageTs) {
		return new DigestNow(state, channelId, messageTs, null, null, null);
	}

	public State state() {
		return this.state;
	}

	public String channelId() {
		return this.channelId;
	}

	/**
	 * The digest message, once posted.
	 * @return its timestamp in the channel
	 */
	public Optional<String> messageTs() {
		return Optional.ofNullable(this.messageTs);
	}

}
