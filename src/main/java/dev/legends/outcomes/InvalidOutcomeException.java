package dev.legends.outcomes;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a report or edit has problems; nothing was stored.
 */
public class InvalidOutcomeException extends RuntimeException {

	private final List<OutcomeProblem> problems;

	/**
	 * Create the exception.
	 * @param problems what is wrong
	 */
	public InvalidOutcomeException(List<OutcomeProblem> problems) {
		super(problems.stream().map(OutcomeProblem::message).collect(Collectors.joining(" ")));
		this.problems = List.copyOf(problems);
	}

	/**
	 * What is wrong, field by field.
	 * @return the problems
	 */
	public List<OutcomeProblem> problems() {
		return this.problems;
	}

}
