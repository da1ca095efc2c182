package dev.legends.slack.install;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.slack.api.Slack;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import dev.legends.slack.SlackProperties;
import dev.legends.slack.SlackTeamScope;
import dev.legends.slack.SlackTokens;
import dev.legends.workspace.Members;
import dev.legends.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OAuth mode's {@link SlackTokens}: the installation's stored bot token, refreshed with
 * {@code oauth.v2.access} ({@code grant_type=refresh_token}) shortly before it expires. A
 * refresh holds the installation's row lock, so that of several instances racing only one
 * asks Slack and the others use its new token.
 */
class InstallationTokens implements SlackTokens {

	/** Tokens are refreshed when they expire within this time. */
	static final Duration REFRESH_AHEAD = Duration.ofMinutes(30);

	private static final Logger logger = LoggerFactory.getLogger(InstallationTokens.class);

	private final Installations installations;

	private final ObjectProvider<Members> members;

	private final Slack slack;

	private final SlackProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	InstallationTokens(Installations installations, ObjectProvider<Members> members, Slack slack,
			SlackProperties properties, TransactionTemplate transactions, Clock clock) {
		this.installations = installations;
		this.members = members;
		this.slack = slack;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public Optional<String> botToken(SlackTeamScope scope) {
		return installation(scope).map(this::fresh).filter(Installation::installed).map(Installation::botToken);
	}

	private Optional<Installation> installation(SlackTeamScope scope) {
		if (scope == null) {
			return Optional.empty();
		}
		if (scope.workspaceId() != null) {
			return this.members.getObject()
				.findWorkspace(scope.workspaceId())
				.map(Workspace::getSlackTeamId)
				.flatMap(this.installations::byKey);
		}
		return this.installations.byKey(scope.teamKey());
	}

	/**
	 * The installation with a token that does not expire soon: refreshed now if needed.
	 * @param installation the installation as last read
	 * @return it, with its current token
	 */
	Installation fresh(Installation installation) {
		if (!refreshDue(installation)) {
			return installation;
		}
		return this.transactions.execute((status) -> this.installations.lockById(installation.id())
			.map((locked) -> refreshDue(locked) ? refresh(locked) : locked)
			.orElse(installation));
	}

	private boolean refreshDue(Installation installation) {
		return installation.installed() && installation.refreshToken() != null && installation.expiresAt() != null
				&& installation.expiresAt().isBefore(this.clock.instant().plus(REFRESH_AHEAD));
	}

	private Installation refresh(Installation installation) {
		try {
			OAuthV2AccessResponse response = this.slack.methods()
				.oauthV2Access((r) -> r.clientId(this.properties.clientId())
					.clientSecret(this.properties.clientSecret())
					.grantType("refresh_token")
					.refreshToken(installation.refreshToken()));
			if (!response.isOk()) {
				logger.warn("Refreshing the token of {} failed: {}", installation, response.getError());
				return installation;
			}
			Instant expiresAt = (response.getExpiresIn() != null)
					? this.clock.instant().plusSeconds(response.getExpiresIn()) : null;
			if (!this.installations.refreshed(installation.id(), installation.tokenVersion(), response.getAccessToken(),
					response.getRefreshToken(), expiresAt)) {
				return this.installations.byKey(installation.installKey()).orElse(installation);
			}
			logger.info("Refreshed the bot token of {}", installation);
			return this.installations.byKey(installation.installKey()).orElse(installation);
		}
		catch (Exception ex) {
			logger.warn("Refreshing the token of {} failed: {}", installation, ex.getMessage());
			return installation;
		}
	}

}
