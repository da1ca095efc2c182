package dev.legends.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import dev.legends.workspace.Members;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Marks a workspace inactive when Slack says the app was uninstalled or its tokens
 * revoked.
 */
@Component
class AppLifecycleEvents implements SlackFeature {

	private static final Logger logger = LoggerFactory.getLogger(AppLifecycleEvents.class);

	private final Members members;

	AppLifecycleEvents(Members members) {
		this.members = members;
	}

	@Override
	public void register(App app) {
		app.event(AppUninstalledEvent.class, (payload, ctx) -> {
			logger.info("Legends was uninstalled from {}", payload.getTeamId());
			this.members.deactivate(payload.getTeamId());
			return ctx.ack();
		});
		app.event(TokensRevokedEvent.class, (payload, ctx) -> {
			logger.info("Tokens were revoked in {}", payload.getTeamId());
			this.members.deactivate(payload.getTeamId());
			return ctx.ack();
		});
	}

}
