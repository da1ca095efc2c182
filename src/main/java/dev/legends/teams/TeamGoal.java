package dev.legends.teams;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What a team aims to deliver in each period, as set by one of its managers.
 *
 * @param id the goal id (one per change)
 * @param teamId the team
 * @param period the period the targets apply to
 * @param targetPoints confirmed outcome points to reach per period
 * @param targetOutcomes confirmed outcomes to reach per period
 * @param maxCostPerPoint the highest acceptable estimated cost (USD) per confirmed point,
 * or {@code null}
 * @param minConfirmedPercent the lowest acceptable share (percent) of reported outcomes
 * that are confirmed, or {@code null}
 * @param startDate the first day the goal applies
 * @param setBy the member who set it
 * @param setAt when it was set
 */
public record TeamGoal(Long id, Long teamId, GoalPeriod period, int targetPoints, int targetOutcomes,
		BigDecimal maxCostPerPoint, Integer minConfirmedPercent, LocalDate startDate, Long setBy, Instant setAt) {

}
