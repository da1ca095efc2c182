package dev.legends.usage;

import java.util.Locale;

/**
 * Whose usage a record is: a Slack user, an email, or a source-side identity (API key
 * name or id, account or user id at the provider) that an admin can map to a person.
 *
 * @param kind what the value is
 * @param value the identifier as the source gave it
 */
public record UsageIdentity(Kind kind, String value) {

	public UsageIdentity {
		value = value.strip();
		if (kind == Kind.EMAIL) {
			value = value.toLowerCase(Locale.ROOT);
		}
	}

	public static UsageIdentity email(String email) {
		return new UsageIdentity(Kind.EMAIL, email);
	}

	public static UsageIdentity slackId(String slackId) {
		return new UsageIdentity(Kind.SLACK_ID, slackId);
	}

	public static UsageIdentity apiKeyName(String name) {
		return new UsageIdentity(Kind.API_KEY_NAME, name);
	}

	/**
	 * The kinds of identity usage can arrive under.
	 */
	public enum Kind {

		/** An email address ({@code user.email}). */
		EMAIL,

		/** A Slack user id ({@code user.slack_id}). */
		SLACK_ID,

		/**
		 * The name of the API key the usage was billed to ({@code user.api_key_name}).
		 */
		API_KEY_NAME,

		/**
		 * A provider's API key id (OpenAI {@code api_key_id}, Anthropic
		 * {@code api_key_id}).
		 */
		API_KEY_ID,

		/**
		 * A provider's user or account id (OpenAI {@code user_id}, Anthropic
		 * {@code account_id}).
		 */
		ACCOUNT_ID

	}

}
