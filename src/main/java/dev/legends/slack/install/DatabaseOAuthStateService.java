package dev.legends.slack.install;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import com.slack.api.bolt.service.OAuthStateService;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bolt's {@link OAuthStateService} on a table every instance shares: a state is valid for
 * ten minutes and only once (checking it deletes it, so two redirects racing with one
 * state cannot both pass).
 */
class DatabaseOAuthStateService implements OAuthStateService {

	static final Duration VALIDITY = Duration.ofSeconds(DEFAULT_EXPIRATION_IN_SECONDS);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	DatabaseOAuthStateService(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public String getSessionCookieName() {
		return "legends-oauth-state";
	}

	@Override
	public void addNewStateToDatastore(String state) {
		this.jdbc.update("delete from slack_oauth_state where expires_at < ?", Timestamp.from(this.clock.instant()));
		this.jdbc.update("insert into slack_oauth_state (state, expires_at) values (?, ?)", state,
				Timestamp.from(this.clock.instant().plus(VALIDITY)));
	}

	@Override
	public boolean isAvailableInDatabase(String state) {
		int valid = this.jdbc.update("delete from slack_oauth_state where state = ? and expires_at > ?", state,
				Timestamp.from(this.clock.instant()));
		deleteStateFromDatastore(state);
		return valid == 1;
	}

	@Override
	public void deleteStateFromDatastore(String state) {
		this.jdbc.update("delete from slack_oauth_state where state = ?", state);
	}

}
