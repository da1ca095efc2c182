package dev.legends.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Reports a failed start that Spring Boot could explain as one ERROR line, its cause
 * followed by its fix, in place of Boot's multi-line banner (whose reporter
 * {@code application.yml} turns off).
 */
class OneLineFailureReporter implements FailureAnalysisReporter {

	private static final Logger logger = LoggerFactory.getLogger("dev.legends.Startup");

	@Override
	public void report(FailureAnalysis analysis) {
		String action = (analysis.getAction() != null) ? " Fix: " + oneLine(analysis.getAction()) : "";
		logger.error("Legends cannot start: {}{}", oneLine(analysis.getDescription()), action);
	}

	private static String oneLine(String text) {
		return text.strip().replaceAll("\\s*\\R\\s*", " ");
	}

}
