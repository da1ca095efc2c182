package dev.legends.outcomes;

import java.time.LocalDate;

/**
 * The points one person gets from one outcome in a period, and why.
 *
 * @param memberId the person credited (reporter or collaborator)
 * @param outcomeId the outcome
 * @param title the outcome's title
 * @param kind the kind
 * @param size the size
 * @param status the status
 * @param date the day it happened
 * @param points the points credited to this person
 * @param reason why it counted this much
 * @param explanation the arithmetic in words, e.g. "L = 8 pts × 1 (confirmed) ÷ 2 people
 * = 4"
 */
public record OutcomeCredit(Long memberId, Long outcomeId, String title, OutcomeKind kind, OutcomeSize size,
		OutcomeStatus status, LocalDate date, double points, CreditReason reason, String explanation) {

}
