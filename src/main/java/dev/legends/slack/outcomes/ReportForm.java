package dev.legends.slack.outcomes;

import java.time.LocalDate;
import java.util.List;

/**
 * What the outcome modal shows when it opens: prefilled values (Slack user ids for
 * people) and where the report came from.
 *
 * @param kind the kind's name, or {@code null}
 * @param title the title, or {@code null}
 * @param link the link, or {@code null}
 * @param size the size's name, or {@code null}
 * @param date the date
 * @param collaborators Slack user ids of collaborators
 * @param confirmer the Slack user id of the confirmer, or {@code null}
 * @param notes the notes, or {@code null}
 * @param metadata where the report came from and what it edits
 */
record ReportForm(String kind, String title, String link, String size, LocalDate date, List<String> collaborators,
		String confirmer, String notes, ReportMetadata metadata) {

	ReportForm {
		collaborators = (collaborators != null) ? List.copyOf(collaborators) : List.of();
	}

	/**
	 * A new report with a title and link prefilled.
	 * @param title the title, or {@code null}
	 * @param link the link, or {@code null}
	 * @param today the person's today
	 * @param channelId the channel it came from, or {@code null}
	 * @return the form
	 */
	static ReportForm fresh(String title, String link, LocalDate today, String channelId) {
		return new ReportForm(null, title, link, null, today, List.of(), null, null,
				new ReportMetadata(channelId, null));
	}

	boolean editing() {
		return this.metadata.editingId() != null;
	}

}
