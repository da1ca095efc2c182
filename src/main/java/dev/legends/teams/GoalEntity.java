package dev.legends.teams;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One stored goal change: rows are only ever added, so the table is the goal history.
 */
@Entity
@Table(name = "team_goal")
class GoalEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "team_id", nullable = false)
	private Long teamId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private GoalPeriod period;

	@Column(name = "target_points", nullable = false)
	private int targetPoints;

	@Column(name = "target_outcomes", nullable = false)
	private int targetOutcomes;

	@Column(name = "max_cost_per_point", precision = 12, scale = 2)
	private BigDecimal maxCostPerPoint;

	@Column(name = "min_confirmed_percent")
	private Integer minConfirmedPercent;

	@Column(name = "start_date", nullable = false)
	private LocalDate startDate;

	@Column(name = "set_by", nullable = false)
	private Long setBy;

	@Column(name = "set_at", nullable = false)
	private Instant setAt;

	protected GoalEntity() {
	}

	GoalEntity(Long teamId, GoalDraft draft, Long setBy, Instant setAt) {
		this.teamId = teamId;
		this.period = draft.period();
		this.targetPoints = draft.targetPoints();
		this.targetOutcomes = draft.targetOutcomes();
		this.maxCostPerPoint = draft.maxCostPerPoint();
		this.minConfirmedPercent = draft.minConfirmedPercent();
		this.startDate = draft.startDate();
		this.setBy = setBy;
		this.setAt = setAt;
	}

	TeamGoal toGoal() {
		return new TeamGoal(this.id, this.teamId, this.period, this.targetPoints, this.targetOutcomes,
				this.maxCostPerPoint, this.minConfirmedPercent, this.startDate, this.setBy, this.setAt);
	}

}
