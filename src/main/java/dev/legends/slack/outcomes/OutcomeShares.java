package dev.legends.slack.outcomes;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import dev.legends.workspace.InsertIfAbsent;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The server's record of where each outcome may be shared: the channel its report came
 * from. "Share to channel" posts there and nowhere else (whatever its button says), and
 * once: the first click claims the share, later clicks are told where it went.
 */
@Component
class OutcomeShares {

	private final JdbcTemplate jdbc;

	private final InsertIfAbsent inserts;

	OutcomeShares(JdbcTemplate jdbc, InsertIfAbsent inserts) {
		this.jdbc = jdbc;
		this.inserts = inserts;
	}

	/**
	 * Remember the channel a report came from.
	 * @param outcomeId the outcome
	 * @param channelId the channel
	 */
	void remember(Long outcomeId, String channelId) {
		this.inserts.insert("insert into outcome_share (outcome_id, channel_id) values (?, ?)", outcomeId, channelId);
	}

	Optional<Share> find(Long outcomeId) {
		return this.jdbc
			.query("select channel_id, shared_at, message_ts from outcome_share where outcome_id = ?",
					(rs, n) -> new Share(rs.getString(1), rs.getObject(2) != null, rs.getString(3)), outcomeId)
			.stream()
			.findFirst();
	}

	/**
	 * Claim the share: only one click (on any instance) gets {@code true}.
	 * @param outcomeId the outcome
	 * @param now when
	 * @return whether this click may post
	 */
	boolean claim(Long outcomeId, Instant now) {
		return this.jdbc.update("update outcome_share set shared_at = ? where outcome_id = ? and shared_at is null",
				now.atOffset(ZoneOffset.UTC), outcomeId) == 1;
	}

	void posted(Long outcomeId, String messageTs) {
		this.jdbc.update("update outcome_share set message_ts = ? where outcome_id = ?", messageTs, outcomeId);
	}

	/**
	 * Give a claimed share back after the post failed, so that the next click tries
	 * again.
	 * @param outcomeId the outcome
	 */
	void release(Long outcomeId) {
		this.jdbc.update("update outcome_share set shared_at = null, message_ts = null where outcome_id = ?",
				outcomeId);
	}

	/**
	 * Where an outcome is shared.
	 *
	 * @param channelId the channel its report came from
	 * @param shared whether it was shared (or is being shared) already
	 * @param messageTs the shared message, once posted
	 */
	record Share(String channelId, boolean shared, String messageTs) {

	}

}
