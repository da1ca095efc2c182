package dev.legends.slack.outcomes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.slack.api.model.view.ViewState;
import dev.legends.outcomes.OutcomeDraft;
import dev.legends.outcomes.OutcomeKind;
import dev.legends.outcomes.OutcomeSize;

/**
 * Reads the outcome modal's submitted values; anything malformed (a forged option, a bad
 * date) reads as missing, so validation asks for it again.
 *
 * @param kind the kind, or {@code null}
 * @param title the title, or {@code null}
 * @param link the link, or {@code null}
 * @param size the size, or {@code null}
 * @param date the date, or {@code null}
 * @param collaborators Slack user ids of collaborators
 * @param confirmer the confirmer's Slack user id, or {@code null}
 * @param notes the notes, or {@code null}
 */
record ReportSubmission(OutcomeKind kind, String title, String link, OutcomeSize size, LocalDate date,
		List<String> collaborators, String confirmer, String notes) {

	/**
	 * Read a submission's state.
	 * @param values the view state values
	 * @return the submission
	 */
	static ReportSubmission read(Map<String, Map<String, ViewState.Value>> values) {
		return new ReportSubmission(parse(OutcomeKind.class, option(values, ReportModal.KIND)),
				text(values, ReportModal.TITLE), text(values, ReportModal.LINK),
				parse(OutcomeSize.class, option(values, ReportModal.SIZE)), date(values),
				users(values, ReportModal.COLLABORATORS), user(values, ReportModal.CONFIRMER),
				text(values, ReportModal.NOTES));
	}

	/**
	 * The draft for the domain, once people are resolved to member ids.
	 * @param collaboratorIds the collaborators' member ids
	 * @param confirmerId the confirmer's member id, or {@code null}
	 * @return the draft
	 */
	OutcomeDraft draft(List<Long> collaboratorIds, Long confirmerId) {
		return new OutcomeDraft(this.kind, this.title, this.link, this.size, this.date, collaboratorIds, confirmerId,
				this.notes);
	}

	private static ViewState.Value value(Map<String, Map<String, ViewState.Value>> values, String blockId) {
		Map<String, ViewState.Value> block = (values != null) ? values.get(blockId) : null;
		return (block == null || block.isEmpty()) ? null : block.values().iterator().next();
	}

	private static String text(Map<String, Map<String, ViewState.Value>> values, String blockId) {
		ViewState.Value value = value(values, blockId);
		return (value != null) ? value.getValue() : null;
	}

	private static String option(Map<String, Map<String, ViewState.Value>> values, String blockId) {
		ViewState.Value value = value(values, blockId);
		return (value != null && value.getSelectedOption() != null) ? value.getSelectedOption().getValue() : null;
	}

	private static String user(Map<String, Map<String, ViewState.Value>> values, String blockId) {
		ViewState.Value value = value(values, blockId);
		return (value != null) ? value.getSelectedUser() : null;
	}

	private static List<String> users(Map<String, Map<String, ViewState.Value>> values, String blockId) {
		ViewState.Value value = value(values, blockId);
		return (value != null && value.getSelectedUsers() != null) ? new ArrayList<>(value.getSelectedUsers())
				: List.of();
	}

	private static LocalDate date(Map<String, Map<String, ViewState.Value>> values) {
		ViewState.Value value = value(values, ReportModal.DATE);
		if (value == null || value.getSelectedDate() == null) {
			return null;
		}
		try {
			return LocalDate.parse(value.getSelectedDate());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String name) {
		if (name == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, name);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
