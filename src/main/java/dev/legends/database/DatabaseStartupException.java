package dev.legends.database;

/**
 * The database cannot be used as configured: says why and what to do, for the one line
 * the start-up failure is reported with.
 */
class DatabaseStartupException extends RuntimeException {

	private final String fix;

	DatabaseStartupException(String cause, String fix, Throwable reason) {
		super(cause, reason);
		this.fix = fix;
	}

	String fix() {
		return this.fix;
	}

}
