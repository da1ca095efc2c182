package dev.legends.slack;

import java.io.IOException;
import java.util.Optional;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import dev.legends.workspace.DirectoryEntry;
import dev.legends.workspace.MemberDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Looks people up with Slack's {@code users.info}; a failure leaves the member as it was
 * instead of failing the request.
 */
@Component
class SlackMemberDirectory implements MemberDirectory {

	private static final Logger logger = LoggerFactory.getLogger(SlackMemberDirectory.class);

	private final MethodsClient methods;

	SlackMemberDirectory(MethodsClient methods) {
		this.methods = methods;
	}

	@Override
	public Optional<DirectoryEntry> lookup(String teamId, String userId) {
		try (SlackTeamScope scope = SlackTeamScope.team(teamId)) {
			UsersInfoResponse response = this.methods.usersInfo((r) -> r.user(userId));
			if (!response.isOk() || response.getUser() == null) {
				logger.info("users.info for {} answered {}", userId, response.getError());
				return Optional.empty();
			}
			return Optional.of(entry(response.getUser()));
		}
		catch (IOException | SlackApiException | RuntimeException ex) {
			logger.warn("users.info for {} failed: {}", userId, ex.getMessage());
			return Optional.empty();
		}
	}

	private static DirectoryEntry entry(User user) {
		User.Profile profile = user.getProfile();
		String displayName = firstText(profile != null ? profile.getDisplayName() : null, user.getRealName(),
				profile != null ? profile.getRealName() : null, user.getName(), user.getId());
		String realName = firstText(user.getRealName(), profile != null ? profile.getRealName() : null);
		String email = (profile != null) ? profile.getEmail() : null;
		String timeZone = StringUtils.hasText(user.getTz()) ? user.getTz() : "UTC";
		boolean admin = user.isAdmin() || user.isOwner() || user.isPrimaryOwner();
		return new DirectoryEntry(user.getId(), displayName, realName, email, timeZone, admin);
	}

	private static String firstText(String... candidates) {
		for (String candidate : candidates) {
			if (StringUtils.hasText(candidate)) {
				return candidate;
			}
		}
		return null;
	}

}
