package dev.legends.slack.home;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.legends.slack.SlackFeature;
import dev.legends.workspace.Members;

import org.springframework.stereotype.Component;

/**
 * Publishes a person's App Home when they open its Home tab.
 */
@Component
class AppHomeFeature implements SlackFeature {

	private final Members members;

	private final HomePublisher publisher;

	AppHomeFeature(Members members, HomePublisher publisher) {
		this.members = members;
		this.publisher = publisher;
	}

	@Override
	public void register(App app) {
		app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
			AppHomeOpenedEvent event = payload.getEvent();
			if (event.getTab() == null || "home".equals(event.getTab())) {
				this.publisher.opened(this.members.member(payload.getTeamId(), event.getUser()));
			}
			return ctx.ack();
		});
	}

}
