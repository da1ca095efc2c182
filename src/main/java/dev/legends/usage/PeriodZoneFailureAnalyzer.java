package dev.legends.usage;

import dev.legends.usage.PeriodZone.PeriodZoneMismatchException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a refused timezone change as what to do instead of a stack trace.
 */
class PeriodZoneFailureAnalyzer extends AbstractFailureAnalyzer<PeriodZoneMismatchException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PeriodZoneMismatchException cause) {
		return new FailureAnalysis(cause.description(), cause.action(), cause);
	}

}
