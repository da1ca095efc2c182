package dev.legends.slack.install;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a missing or unusable {@code LEGENDS_ENCRYPTION_KEY} in OAuth mode as its cause
 * and fix (one line, see {@code OneLineFailureReporter}) instead of a stack trace.
 */
class EncryptionKeyFailureAnalyzer extends AbstractFailureAnalyzer<EncryptionKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EncryptionKeyException cause) {
		return new FailureAnalysis(cause.problem(), EncryptionKeyException.ACTION, cause);
	}

}
