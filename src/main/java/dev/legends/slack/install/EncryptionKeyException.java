package dev.legends.slack.install;

/**
 * OAuth mode cannot start: {@code LEGENDS_ENCRYPTION_KEY} is missing or is not base64 of
 * 32 bytes. The message never contains the key.
 */
final class EncryptionKeyException extends IllegalStateException {

	/** What to do about it. */
	static final String ACTION = "set LEGENDS_ENCRYPTION_KEY to base64 of 32 random bytes, e.g. from "
			+ "`openssl rand -base64 32`, and keep it: tokens stored under one key cannot be read with another";

	private final String problem;

	EncryptionKeyException(String problem) {
		super(problem + ". Fix: " + ACTION);
		this.problem = problem;
	}

	String problem() {
		return this.problem;
	}

}
