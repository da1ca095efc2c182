package dev.legends.slack.home;

import com.slack.api.bolt.App;
import com.slack.api.model.view.View;
import dev.legends.slack.SlackFeature;

import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The Report outcome and My outcomes buttons on App Home.
 */
@Component
class HomeButtons implements SlackFeature {

	@Override
	public void register(App app) {
		app.blockAction(GreetingHomeSection.REPORT_ACTION, (request, ctx) -> {
			ctx.client()
				.viewsOpen((r) -> r.triggerId(request.getPayload().getTriggerId())
					.view(notice("Report outcome", "Type `/legends report` followed by what you shipped, "
							+ "e.g. `/legends report Shipped the billing export`.")));
			return ctx.ack();
		});
		app.blockAction(GreetingHomeSection.MY_OUTCOMES_ACTION, (request, ctx) -> {
			ctx.client()
				.viewsOpen((r) -> r.triggerId(request.getPayload().getTriggerId())
					.view(notice("My outcomes", "`/legends me` lists your outcomes of this week with their status.")));
			return ctx.ack();
		});
	}

	private static View notice(String title, String mrkdwn) {
		return view((v) -> v.type("modal")
			.callbackId("legends_notice")
			.title(viewTitle((t) -> t.type("plain_text").text(title)))
			.close(viewClose((c) -> c.type("plain_text").text("Close")))
			.blocks(java.util.List.of(section((s) -> s.text(markdownText(mrkdwn))))));
	}

}
