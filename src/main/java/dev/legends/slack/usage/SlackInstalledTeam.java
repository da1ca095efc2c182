package dev.legends.slack.usage;

import java.util.Optional;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;
import dev.legends.ingest.InstalledTeam;
import dev.legends.slack.OAuthModeCondition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The team the bot token is installed in, from Slack's {@code auth.test} (remembered once
 * known). Single-workspace mode only: in OAuth mode no team is "the" installed one.
 */
@Component
@Conditional(OAuthModeCondition.Not.class)
class SlackInstalledTeam implements InstalledTeam {

	private static final Logger logger = LoggerFactory.getLogger(SlackInstalledTeam.class);

	private final MethodsClient methods;

	private volatile String teamId;

	SlackInstalledTeam(MethodsClient methods) {
		this.methods = methods;
	}

	@Override
	public Optional<String> teamId() {
		if (this.teamId == null) {
			try {
				AuthTestResponse response = this.methods.authTest((r) -> r);
				if (response.isOk()) {
					this.teamId = response.getTeamId();
				}
				else {
					logger.warn("auth.test answered {}", response.getError());
				}
			}
			catch (Exception ex) {
				logger.warn("auth.test failed: {}", ex.getMessage());
			}
		}
		return Optional.ofNullable(this.teamId);
	}

}
