package dev.legends.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An outcome as other modules see it.
 *
 * @param id the outcome id
 * @param workspaceId the workspace
 * @param reporterId the member who reported it
 * @param kind the kind
 * @param title the title
 * @param link the normalised link, or {@code null}
 * @param size the size
 * @param date the day it happened
 * @param collaboratorIds the members who share the points with the reporter
 * @param confirmerId the member named as confirmer, or {@code null}
 * @param notes the notes, or {@code null}
 * @param status the status
 * @param decidedById who confirmed, rejected or withdrew it, or {@code null}
 * @param decidedAt when, or {@code null}
 * @param decisionReason the reason given for a rejection, or {@code null}
 * @param reportedAt when it was reported
 */
public record OutcomeDetails(Long id, Long workspaceId, Long reporterId, OutcomeKind kind, String title, String link,
		OutcomeSize size, LocalDate date, List<Long> collaboratorIds, Long confirmerId, String notes,
		OutcomeStatus status, Long decidedById, Instant decidedAt, String decisionReason, Instant reportedAt) {

	/**
	 * How many people share the points: the reporter and the collaborators.
	 * @return at least 1
	 */
	public int participants() {
		return 1 + this.collaboratorIds.size();
	}

	/**
	 * Whether a member shares this outcome's points (as reporter or collaborator).
	 * @param memberId the member id
	 * @return {@code true} when they take part
	 */
	public boolean involves(Long memberId) {
		return this.reporterId.equals(memberId) || this.collaboratorIds.contains(memberId);
	}

}
