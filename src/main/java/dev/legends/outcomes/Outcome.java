package dev.legends.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;

/**
 * A delivered result someone reported, with its status and who decided it.
 */
@Entity
class Outcome {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long version;

	@Column(name = "workspace_id", nullable = false)
	private Long workspaceId;

	@Column(name = "reporter_id", nullable = false)
	private Long reporterId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private OutcomeKind kind;

	@Column(nullable = false)
	private String title;

	private String link;

	/**
	 * The link while the outcome counts (reported or confirmed), else {@code null}:
	 * unique per workspace, so that one link is stored as counting once however many
	 * reports of it arrive at the same moment.
	 */
	@Column(name = "active_link")
	private String activeLink;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private OutcomeSize size;

	@Column(name = "outcome_date", nullable = false)
	private LocalDate outcomeDate;

	@Column(name = "occurred_at", nullable = false)
	private Instant occurredAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "outcome_collaborator", joinColumns = @JoinColumn(name = "outcome_id"))
	@Column(name = "member_id")
	private Set<Long> collaboratorIds = new LinkedHashSet<>();

	@Column(name = "confirmer_id")
	private Long confirmerId;

	private String notes;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private OutcomeStatus status;

	@Column(name = "decided_by")
	private Long decidedBy;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(name = "decision_reason")
	private String decisionReason;

	@Column(name = "reported_at", nullable = false)
	private Instant reportedAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected Outcome() {
	}

	Outcome(Long workspaceId, Long reporterId, Instant now) {
		this.workspaceId = workspaceId;
		this.reporterId = reporterId;
		this.status = OutcomeStatus.REPORTED;
		this.reportedAt = now;
	}

	void apply(OutcomeDraft draft, String normalisedLink, Instant occurredAt, Instant now) {
		this.kind = draft.kind();
		this.title = draft.title().strip();
		this.link = normalisedLink;
		this.activeLink = this.status.isActive() ? normalisedLink : null;
		this.size = draft.size();
		this.outcomeDate = draft.date();
		this.occurredAt = occurredAt;
		this.collaboratorIds.clear();
		draft.collaboratorIds()
			.stream()
			.filter((id) -> !id.equals(this.reporterId))
			.distinct()
			.forEach(this.collaboratorIds::add);
		this.confirmerId = draft.confirmerId();
		this.notes = (draft.notes() == null || draft.notes().isBlank()) ? null : draft.notes().strip();
		this.updatedAt = now;
	}

	void decide(OutcomeStatus status, Long deciderId, String reason, Instant now) {
		this.status = status;
		// a confirmation keeps the link's slot as it is: a report stored twice before the
		// slot existed (V22) has none, and taking the first report's slot would fail
		this.activeLink = status.isActive() ? this.activeLink : null;
		this.decidedBy = deciderId;
		this.decisionReason = reason;
		this.decidedAt = now;
		this.updatedAt = now;
	}

	OutcomeDetails details() {
		List<Long> collaborators = new ArrayList<>(this.collaboratorIds);
		collaborators.sort(null);
		return new OutcomeDetails(this.id, this.workspaceId, this.reporterId, this.kind, this.title, this.link,
				this.size, this.outcomeDate, collaborators, this.confirmerId, this.notes, this.status, this.decidedBy,
				this.decidedAt, this.decisionReason, this.reportedAt);
	}

	Instant getOccurredAt() {
		return this.occurredAt;
	}

	Long getId() {
		return this.id;
	}

	Long getWorkspaceId() {
		return this.workspaceId;
	}

	Long getReporterId() {
		return this.reporterId;
	}

	OutcomeStatus getStatus() {
		return this.status;
	}

}
