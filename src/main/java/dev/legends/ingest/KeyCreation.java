package dev.legends.ingest;

/**
 * The answer to creating an ingest key.
 *
 * @param outcome what happened
 * @param name the name asked for
 * @param secret the new key ({@code lgk_…}) when created, to show once; else {@code null}
 */
public record KeyCreation(Outcome outcome, String name, String secret) {

	/**
	 * What creating a key did.
	 */
	public enum Outcome {

		/** The key was created; {@code secret} holds it. */
		CREATED,

		/** An active key of that name exists already. */
		DUPLICATE_NAME,

		/**
		 * The name is empty or uses characters other than letters, digits, {@code ._-}.
		 */
		INVALID_NAME

	}

}
