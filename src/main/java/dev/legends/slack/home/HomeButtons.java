package dev.legends.slack.home;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.slack.api.bolt.App;
import com.slack.api.model.view.View;
import dev.legends.outcomes.OutcomeDetails;
import dev.legends.outcomes.Outcomes;
import dev.legends.slack.SlackFeature;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import dev.legends.workspace.TimeWindow;

import org.springframework.stereotype.Component;

/**
 * The My outcomes button on App Home (the Report outcome button belongs to the outcomes
 * feature, which opens its report modal).
 */
@Component
class HomeButtons implements SlackFeature {

	static final Duration MY_OUTCOMES_SPAN = Duration.ofDays(30);

	private final Members members;

	private final Outcomes outcomes;

	private final Clock clock;

	HomeButtons(Members members, Outcomes outcomes, Optional<Clock> clock) {
		this.members = members;
		this.outcomes = outcomes;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public void register(App app) {
		app.blockAction(GreetingHomeSection.MY_OUTCOMES_ACTION, (request, ctx) -> {
			Member member = this.members.member(request.getPayload().getTeam().getId(),
					request.getPayload().getUser().getId());
			View view = MyOutcomesModal.build(recentOutcomes(member));
			ctx.client().viewsOpen((r) -> r.triggerId(request.getPayload().getTriggerId()).view(view));
			return ctx.ack();
		});
	}

	private List<OutcomeDetails> recentOutcomes(Member member) {
		TimeWindow recent = new TimeWindow(this.clock.instant().minus(MY_OUTCOMES_SPAN),
				this.clock.instant().plus(Duration.ofDays(1)));
		return this.outcomes.forMember(member, recent);
	}

}
