package dev.legends.slack;

import java.util.Optional;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import dev.legends.workspace.Members;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Marks a workspace inactive when Slack says the app was uninstalled or its tokens
 * revoked (its digests pause), and, with one workspace, active again when its people use
 * Legends again after a reinstall (OAuth mode does so when the installation is stored).
 */
@Component
class AppLifecycleEvents implements SlackFeature {

	private static final Logger logger = LoggerFactory.getLogger(AppLifecycleEvents.class);

	private final Members members;

	private final Optional<InstallationService> installations;

	AppLifecycleEvents(Members members, Optional<InstallationService> installations) {
		this.members = members;
		this.installations = installations;
	}

	@Override
	public void register(App app) {
		if (this.installations.isEmpty()) {
			// one workspace (SLACK_BOT_TOKEN): Slack sends its commands and interactions
			// only while Legends is installed, so one means it was installed again
			app.use((request, response, chain) -> {
				String teamId = request.getContext().getTeamId();
				if (request.getRequestType() != RequestType.Event && teamId != null) {
					this.members.activate(teamId);
				}
				return chain.next(request);
			});
		}
		app.event(AppUninstalledEvent.class, (payload, ctx) -> {
			logger.info("Legends was uninstalled from {}", payload.getTeamId());
			this.members.deactivate(payload.getTeamId());
			forgetTokens(ctx.getEnterpriseId(), ctx.getTeamId());
			return ctx.ack();
		});
		app.event(TokensRevokedEvent.class, (payload, ctx) -> {
			logger.info("Tokens were revoked in {}", payload.getTeamId());
			this.members.deactivate(payload.getTeamId());
			TokensRevokedEvent.Tokens tokens = payload.getEvent().getTokens();
			if (tokens == null || tokens.getBot() == null || !tokens.getBot().isEmpty()) {
				forgetTokens(ctx.getEnterpriseId(), ctx.getTeamId());
			}
			return ctx.ack();
		});
	}

	/**
	 * In OAuth mode: delete the installation's tokens at once, so nothing is sent for it
	 * again (its data stays until purged).
	 */
	private void forgetTokens(String enterpriseId, String teamId) {
		this.installations.ifPresent((installations) -> installations.deleteAll(enterpriseId, teamId));
	}

}
