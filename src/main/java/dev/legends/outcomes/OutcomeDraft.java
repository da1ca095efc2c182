package dev.legends.outcomes;

import java.time.LocalDate;
import java.util.List;

/**
 * What a person fills in to report (or edit) an outcome.
 *
 * @param kind the kind
 * @param title the title (required, at most 150 characters)
 * @param link an optional http(s) link, or {@code null}
 * @param size the size
 * @param date the day it happened
 * @param collaboratorIds member ids of the people who share the points
 * @param confirmerId the member id of the person asked to confirm, or {@code null}
 * @param notes optional notes, or {@code null}
 */
public record OutcomeDraft(OutcomeKind kind, String title, String link, OutcomeSize size, LocalDate date,
		List<Long> collaboratorIds, Long confirmerId, String notes) {

	public OutcomeDraft {
		collaboratorIds = (collaboratorIds != null) ? List.copyOf(collaboratorIds) : List.of();
	}

}
