package dev.legends.outcomes;

/**
 * One thing wrong with a report, said so a person can fix it.
 *
 * @param field the field concerned
 * @param message the message, plain text
 */
public record OutcomeProblem(OutcomeField field, String message) {

}
