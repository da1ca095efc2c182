package dev.legends.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.CharBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.legends.usage.UsageBounds;
import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The fields of one batch record as the JSON stream gave them (each value's token and
 * scalar), captured without building a tree and then validated one problem per field.
 * Reused from record to record of a batch.
 */
final class RecordFields {

	private static final String[] NAMES = { "id", "source", "model", "start", "end", "input_tokens", "output_tokens",
			"cache_read_input_tokens", "cache_creation_input_tokens", "reasoning_tokens", "requests", "cost_usd" };

	private static final int ID = 0, SOURCE = 1, MODEL = 2, START = 3, END = 4, INPUT = 5, OUTPUT = 6, CACHE_READ = 7,
			CACHE_CREATION = 8, REASONING = 9, REQUESTS = 10, COST = 11;

	private static final List<String> USER_FORMS = List.of("email", "slack_id", "api_key_name");

	private static final Pattern SLACK_ID = Pattern.compile("[A-Z0-9]{2,32}");

	private final JsonToken[] tokens = new JsonToken[NAMES.length];

	private final String[] texts = new String[NAMES.length];

	private final long[] longs = new long[NAMES.length];

	/** Date-times in the common form, read straight from the parser's buffer. */
	private final Instant[] instants = new Instant[NAMES.length];

	/** Numbers that are not a {@code long}: fractions and very large integers. */
	private final BigDecimal[] decimals = new BigDecimal[NAMES.length];

	private final List<String> unknown = new ArrayList<>();

	private final UserFields user = new UserFields();

	/**
	 * Capture a record's fields; the parser is at its {@code START_OBJECT} and is left at
	 * its {@code END_OBJECT}.
	 * @param parser the parser
	 */
	void read(JsonParser parser) {
		Arrays.fill(this.tokens, null);
		this.unknown.clear();
		this.user.clear();
		int seen = 0;
		String name;
		while ((name = parser.nextName()) != null) {
			parser.nextToken();
			int slot = slotOf(name);
			if (slot >= 0) {
				if ((seen & (1 << slot)) != 0) {
					throw UsageRecordReader.duplicate(parser, name);
				}
				seen |= 1 << slot;
				capture(slot, parser);
			}
			else if (name.equals("user")) {
				if (this.user.token != null) {
					throw UsageRecordReader.duplicate(parser, name);
				}
				this.user.read(parser);
			}
			else {
				UsageRecordReader.addName(this.unknown, parser, name, name);
				parser.skipChildren();
			}
		}
	}

	/**
	 * Validate the captured record.
	 * @param index its position, for errors
	 * @param errors where problems are added, in field order
	 * @return the record, or {@code null} when it had problems
	 */
	UsageInput validate(int index, List<RecordError> errors) {
		int before = errors.size();
		this.unknown.forEach((name) -> errors.add(RecordError.at(index, name, "unknown field")));
		String id = optionalId(index, errors);
		UsageIdentity identity = this.user.validate(index, errors);
		String source = requireText(SOURCE, 64, index, errors);
		String model = requireText(MODEL, 128, index, errors);
		Instant start = requireInstant(START, index, errors);
		Instant end = requireInstant(END, index, errors);
		if (start != null && end != null && end.isBefore(start)) {
			errors.add(RecordError.at(index, "end", "must not be before start"));
		}
		long input = optionalCount(INPUT, index, errors);
		long output = optionalCount(OUTPUT, index, errors);
		long cacheRead = optionalCount(CACHE_READ, index, errors);
		long cacheCreation = optionalCount(CACHE_CREATION, index, errors);
		long reasoning = optionalCount(REASONING, index, errors);
		long requests = optionalCount(REQUESTS, index, errors);

		BigDecimal cost = optionalCost(index, errors);
		if (errors.size() > before) {
			return null;
		}
		return new UsageInput(id, identity, source, model, start, end, input, output, cacheRead, cacheCreation,
				reasoning, requests, cost);
	}

	private static int slotOf(String name) {
		return switch (name) {
			case "id" -> ID;
			case "source" -> SOURCE;
			case "model" -> MODEL;
			case "start" -> START;
			case "end" -> END;
			case "input_tokens" -> INPUT;
			case "output_tokens" -> OUTPUT;
			case "cache_read_input_tokens" -> CACHE_READ;
			case "cache_creation_input_tokens" -> CACHE_CREATION;
			case "reasoning_tokens" -> REASONING;
			case "requests" -> REQUESTS;
			case "cost_usd" -> COST;
			default -> -1;
		};
	}

	private void capture(int slot, JsonParser parser) {
		JsonToken token = parser.currentToken();
		this.tokens[slot] = token;
		this.decimals[slot] = null;
		this.instants[slot] = null;
		if (token == JsonToken.VALUE_STRING && (slot == START || slot == END)) {
			this.instants[slot] = UsageRecordReader.parseUtcSeconds(
					CharBuffer.wrap(parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength()));
			this.texts[slot] = (this.instants[slot] != null) ? null : parser.getString();
		}
		else if (token == JsonToken.VALUE_STRING) {
			this.texts[slot] = (slot == SOURCE || slot == MODEL) ? sameOr(parser, this.texts[slot])
					: parser.getString();
		}
		else if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
			this.longs[slot] = parser.getLongValue();
		}
		else if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
			this.decimals[slot] = parser.getDecimalValue();
		}
		else {
			parser.skipChildren();
		}
	}

	/**
	 * The string value the parser is at: the given string when it has the same text, so
	 * that values repeated from record to record (source, model, the user) are kept once
	 * per batch instead of once per record.
	 * @param parser the parser, at a string value
	 * @param previous the string to reuse, or {@code null}
	 * @return the value
	 */
	private static String sameOr(JsonParser parser, String previous) {
		char[] chars = parser.getStringCharacters();
		int offset = parser.getStringOffset();
		int length = parser.getStringLength();
		if (previous == null || previous.length() != length) {
			return parser.getString();
		}
		for (int i = 0; i < length; i++) {
			if (previous.charAt(i) != chars[offset + i]) {
				return parser.getString();
			}
		}
		return previous;
	}

	private boolean absent(int slot) {
		return this.tokens[slot] == null || this.tokens[slot] == JsonToken.VALUE_NULL;
	}

	private boolean isString(int slot) {
		return this.tokens[slot] == JsonToken.VALUE_STRING;
	}

	private boolean isNumber(int slot) {
		return this.tokens[slot] == JsonToken.VALUE_NUMBER_INT || this.tokens[slot] == JsonToken.VALUE_NUMBER_FLOAT;
	}

	private BigDecimal decimal(int slot) {
		return (this.decimals[slot] != null) ? this.decimals[slot] : BigDecimal.valueOf(this.longs[slot]);
	}

	private String requireText(int slot, int maxLength, int index, List<RecordError> errors) {
		String field = NAMES[slot];
		if (absent(slot)) {
			errors.add(RecordError.at(index, field, "is required"));
			return null;
		}
		if (!isString(slot) || this.texts[slot].isBlank()) {
			errors.add(RecordError.at(index, field, "must be a non-empty string"));
			return null;
		}
		String text = this.texts[slot].strip();
		if (text.length() > maxLength) {
			errors.add(RecordError.at(index, field, "must be at most " + maxLength + " characters"));
			return null;
		}
		return text;
	}

	private Instant requireInstant(int slot, int index, List<RecordError> errors) {
		if (absent(slot)) {
			errors.add(RecordError.at(index, NAMES[slot], "is required"));
			return null;
		}
		Instant instant = (this.instants[slot] != null) ? this.instants[slot]
				: isString(slot) ? UsageRecordReader.parseInstant(this.texts[slot]) : null;
		if (instant == null) {
			errors.add(RecordError.at(index, NAMES[slot],
					"must be an ISO-8601 date-time with offset, e.g. 2026-11-26T09:00:00Z"));
		}
		return instant;
	}

	/**
	 * An optional non-negative integer (absent or {@code null}: 0) within its bound
	 * ({@link UsageBounds}); 5.0 counts as 5.
	 */
	private long optionalCount(int slot, int index, List<RecordError> errors) {
		if (absent(slot)) {
			return 0;
		}
		long count;
		if (isNumber(slot) && this.decimals[slot] == null && this.longs[slot] >= 0) {
			count = this.longs[slot];
		}
		else if (isNumber(slot) && isWholeNonNegativeLong(decimal(slot))) {
			count = decimal(slot).longValueExact();
		}
		else if (isNumber(slot) && isWholeNonNegative(decimal(slot))) {
			count = Long.MAX_VALUE;
		}
		else {
			errors.add(RecordError.at(index, NAMES[slot], "must be a non-negative integer"));
			return 0;
		}
		String problem = (slot == REQUESTS) ? UsageBounds.requests(count) : UsageBounds.tokens(count);
		if (problem != null) {
			errors.add(RecordError.at(index, NAMES[slot], problem));
			return 0;
		}
		return count;
	}

	/** An optional non-negative amount in USD (absent: none), rounded to 6 decimals. */
	private BigDecimal optionalCost(int index, List<RecordError> errors) {
		if (absent(COST)) {
			return null;
		}
		if (!isNumber(COST)) {
			errors.add(RecordError.at(index, NAMES[COST], "must be a non-negative number (USD)"));
			return null;
		}
		String problem = UsageBounds.costUsd(decimal(COST));
		if (problem != null) {
			errors.add(RecordError.at(index, NAMES[COST], problem));
			return null;
		}
		return decimal(COST).setScale(6, RoundingMode.HALF_UP);
	}

	private static boolean isWholeNonNegativeLong(BigDecimal value) {
		return isWholeNonNegative(value) && value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
	}

	private static boolean isWholeNonNegative(BigDecimal value) {
		return value.signum() >= 0 && value.stripTrailingZeros().scale() <= 0;
	}

	private String optionalId(int index, List<RecordError> errors) {
		if (absent(ID)) {
			return null;
		}
		boolean integral = this.tokens[ID] == JsonToken.VALUE_NUMBER_INT;
		if ((isString(ID) && !this.texts[ID].isBlank()) || integral) {
			String id = integral ? decimal(ID).toPlainString() : this.texts[ID].strip();
			if (id.length() <= 1000) {
				return id;
			}
		}
		errors.add(RecordError.at(index, "id", "must be a non-empty string of at most 1000 characters"));
		return null;
	}

	/**
	 * The {@code user} object as captured: its token, how many forms it has, the first
	 * unknown one and the first form's value.
	 */
	private static final class UserFields {

		private JsonToken token;

		private int size;

		private String unknown;

		private String form;

		private JsonToken valueToken;

		private String value;

		void clear() {
			this.token = null;
			this.size = 0;
			this.unknown = null;
			this.form = null;
		}

		void read(JsonParser parser) {
			this.token = parser.currentToken();
			if (this.token != JsonToken.START_OBJECT) {
				parser.skipChildren();
				return;
			}
			List<String> names = new ArrayList<>(1);
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken next = parser.nextToken();
				UsageRecordReader.addName(names, parser, name, "user." + name);
				if (this.unknown == null && !USER_FORMS.contains(name)) {
					this.unknown = name;
				}
				if (this.size++ == 0) {
					this.form = name;
					this.valueToken = next;
					this.value = (next == JsonToken.VALUE_STRING) ? sameOr(parser, this.value) : null;
				}
				parser.skipChildren();
			}
		}

		UsageIdentity validate(int index, List<RecordError> errors) {
			if (this.token == null || this.token == JsonToken.VALUE_NULL) {
				errors.add(RecordError.at(index, "user",
						"is required: one of {\"email\"}, {\"slack_id\"}, " + "{\"api_key_name\"}"));
				return null;
			}
			if (this.token != JsonToken.START_OBJECT) {
				errors.add(RecordError.at(index, "user",
						"must be an object with exactly one of email, slack_id, " + "api_key_name"));
				return null;
			}
			if (this.unknown != null) {
				errors.add(RecordError.at(index, "user." + this.unknown,
						"unknown field; use email, slack_id or api_key_name"));
				return null;
			}
			if (this.size != 1) {
				errors.add(RecordError.at(index, "user", "must have exactly one of email, slack_id, api_key_name"));
				return null;
			}
			String field = "user." + this.form;
			if (this.valueToken != JsonToken.VALUE_STRING || this.value.isBlank() || this.value.length() > 320) {
				errors.add(RecordError.at(index, field, "must be a non-empty string of at most 320 characters"));
				return null;
			}
			return identity(this.form, this.value.strip(), field, index, errors);
		}

		private static UsageIdentity identity(String form, String text, String field, int index,
				List<RecordError> errors) {
			switch (form) {
				case "email":
					if (!text.contains("@") || text.startsWith("@") || text.endsWith("@")) {
						errors.add(RecordError.at(index, field, "must be an email address"));
						return null;
					}
					return UsageIdentity.email(text);
				case "slack_id":
					String id = text.toUpperCase(Locale.ROOT);
					if (!SLACK_ID.matcher(id).matches()) {
						errors.add(RecordError.at(index, field, "must be a Slack user id such as U012ABCDEF"));
						return null;
					}
					return UsageIdentity.slackId(id);
				default:
					return UsageIdentity.apiKeyName(text);
			}
		}

	}

}
