package dev.legends.slack.outcomes;

import com.slack.api.bolt.App;
import dev.legends.slack.SlackFeature;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;

import org.springframework.stereotype.Component;

/**
 * The "Report outcome" button on App Home opens the same outcome modal as
 * {@code /legends report}.
 */
@Component
class HomeReportButton implements SlackFeature {

	/** The button's action id (rendered by the App Home greeting). */
	static final String ACTION = "home_report_outcome";

	private final ReportModals modals;

	private final Members members;

	HomeReportButton(ReportModals modals, Members members) {
		this.modals = modals;
		this.members = members;
	}

	@Override
	public void register(App app) {
		app.blockAction(ACTION, (request, ctx) -> {
			Member member = this.members.member(request.getPayload().getTeam().getId(),
					request.getPayload().getUser().getId());
			this.modals.open(ctx.client(), request.getPayload().getTriggerId(),
					this.modals.fresh(member, null, null, null));
			return ctx.ack();
		});
	}

}
