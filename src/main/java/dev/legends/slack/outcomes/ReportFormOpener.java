package dev.legends.slack.outcomes;

import java.io.IOException;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import dev.legends.workspace.Member;

import org.springframework.stereotype.Component;

/**
 * Opens the outcome report modal from other parts of the Slack edge (the "Report an
 * outcome" buttons of digests and nudges), the same form {@code /legends report} opens.
 */
@Component
public class ReportFormOpener {

	private final ReportModals modals;

	ReportFormOpener(ReportModals modals) {
		this.modals = modals;
	}

	/**
	 * Open an empty report form for a person.
	 * @param client the Web API client
	 * @param triggerId the click's trigger (valid for 3 seconds)
	 * @param member the reporter
	 * @param channelId where the click came from, or {@code null}
	 * @return {@code true} when Slack opened it
	 * @throws IOException when Slack cannot be reached
	 * @throws SlackApiException when Slack answers with an HTTP error
	 */
	public boolean open(MethodsClient client, String triggerId, Member member, String channelId)
			throws IOException, SlackApiException {
		return this.modals.open(client, triggerId, this.modals.fresh(member, "", null, channelId)).isOk();
	}

}
