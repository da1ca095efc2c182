package dev.legends.slack.teams;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import dev.legends.teams.UsergroupDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Reads user group members with Slack's {@code usergroups.users.list}; a failure answers
 * "unknown" so that a team keeps its members.
 */
@Component
class SlackUsergroupDirectory implements UsergroupDirectory {

	private static final Logger logger = LoggerFactory.getLogger(SlackUsergroupDirectory.class);

	private final MethodsClient methods;

	SlackUsergroupDirectory(MethodsClient methods) {
		this.methods = methods;
	}

	@Override
	public Optional<List<String>> members(String usergroupId) {
		try {
			UsergroupsUsersListResponse response = this.methods.usergroupsUsersList((r) -> r.usergroup(usergroupId));
			if (!response.isOk() || response.getUsers() == null) {
				logger.info("usergroups.users.list for {} answered {}", usergroupId, response.getError());
				return Optional.empty();
			}
			return Optional.of(List.copyOf(response.getUsers()));
		}
		catch (IOException | SlackApiException | RuntimeException ex) {
			logger.warn("usergroups.users.list for {} failed: {}", usergroupId, ex.getMessage());
			return Optional.empty();
		}
	}

}
