package dev.legends.slack.outcomes;

import java.io.IOException;
import java.time.LocalDate;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import dev.legends.outcomes.OutcomeDetails;
import dev.legends.outcomes.Outcomes;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;

import org.springframework.stereotype.Component;

/**
 * Opens the outcome modal, new or prefilled from an outcome to edit.
 */
@Component
class ReportModals {

	private final Outcomes outcomes;

	private final Members members;

	private final java.time.Clock clock;

	ReportModals(Outcomes outcomes, Members members, java.util.Optional<java.time.Clock> clock) {
		this.outcomes = outcomes;
		this.members = members;
		this.clock = clock.orElse(java.time.Clock.systemUTC());
	}

	/**
	 * A new report's form for a person, with title and link prefilled.
	 * @param member the reporter
	 * @param title the title (Slack markup allowed), or {@code null}
	 * @param link the link, or {@code null}
	 * @param channelId where the report came from, or {@code null}
	 * @return the form
	 */
	ReportForm fresh(Member member, String title, String link, String channelId) {
		String plain = SlackMarkup.cut(SlackMarkup.plain(title), ReportModal.MAX_TITLE);
		LocalDate today = LocalDate.now(this.clock.withZone(member.getZoneId()));
		return ReportForm.fresh(plain, link, today, channelId);
	}

	/**
	 * The form to edit an outcome, prefilled with its values.
	 * @param outcome the outcome
	 * @return the form
	 */
	ReportForm editing(OutcomeDetails outcome) {
		return new ReportForm(outcome.kind().name(), outcome.title(), outcome.link(), outcome.size().name(),
				outcome.date(), outcome.collaboratorIds().stream().map(this::slackId).toList(),
				(outcome.confirmerId() != null) ? slackId(outcome.confirmerId()) : null, outcome.notes(),
				new ReportMetadata(null, outcome.id()));
	}

	/**
	 * Open the modal.
	 * @param client the Web API client
	 * @param triggerId the trigger of the click or command (valid for 3 seconds)
	 * @param form what to show
	 * @return Slack's answer
	 * @throws IOException when Slack cannot be reached
	 * @throws SlackApiException when Slack answers with an HTTP error
	 */
	ViewsOpenResponse open(MethodsClient client, String triggerId, ReportForm form)
			throws IOException, SlackApiException {
		return client.viewsOpen((r) -> r.triggerId(triggerId).view(ReportModal.build(form, this.outcomes::pointsOf)));
	}

	private String slackId(Long memberId) {
		return this.members.findById(memberId).map(Member::getSlackUserId).orElse(null);
	}

}
