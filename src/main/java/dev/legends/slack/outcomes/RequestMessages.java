package dev.legends.slack.outcomes;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers the DMs that asked people to confirm an outcome, so that a decision updates
 * every one of them.
 */
@Component
class RequestMessages {

	private final JdbcTemplate jdbc;

	RequestMessages(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void add(Long outcomeId, String channelId, String messageTs, String recipientUserId) {
		this.jdbc.update("insert into outcome_request_message (outcome_id, channel_id, message_ts, recipient_user_id) "
				+ "values (?, ?, ?, ?)", outcomeId, channelId, messageTs, recipientUserId);
	}

	List<Message> of(Long outcomeId) {
		return this.jdbc.query(
				"select channel_id, message_ts, recipient_user_id from outcome_request_message where outcome_id = ? "
						+ "order by id",
				(rs, row) -> new Message(rs.getString(1), rs.getString(2), rs.getString(3)), outcomeId);
	}

	/**
	 * One request DM.
	 *
	 * @param channelId the DM channel
	 * @param ts the message ts
	 * @param recipientUserId who it went to
	 */
	record Message(String channelId, String ts, String recipientUserId) {

	}

}
