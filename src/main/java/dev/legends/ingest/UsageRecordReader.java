package dev.legends.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads and validates usage records in the batch format ({@code {"records":[…]}}), one
 * problem per field, so that a whole batch is either stored or refused with every problem
 * named. Importers reuse its field readers and error shape.
 */
@Component
public class UsageRecordReader {

	/** The fields a record may have. */
	public static final Set<String> FIELDS = Set.of("id", "user", "source", "model", "start", "end", "input_tokens",
			"output_tokens", "cache_read_input_tokens", "cache_creation_input_tokens", "reasoning_tokens", "requests",
			"cost_usd");

	/** The forms {@code user} may take (exactly one). */
	public static final List<String> USER_FORMS = List.of("email", "slack_id", "api_key_name");

	private static final Pattern SLACK_ID = Pattern.compile("[A-Z0-9]{2,32}");

	private static final BigDecimal MAX_COST = new BigDecimal("1000000000");

	private final JsonMapper json = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	/**
	 * Parse a JSON body.
	 * @param body the bytes
	 * @return the root node
	 * @throws MalformedInputException ({@code malformed_json}) when it is not JSON
	 */
	public JsonNode parse(byte[] body) {
		try {
			JsonNode root = this.json.readTree(body);
			if (root == null || root.isMissingNode()) {
				throw new MalformedInputException("malformed_json", "The body is empty; expected a JSON object.");
			}
			return root;
		}
		catch (JacksonException ex) {
			String where = (ex.getLocation() != null)
					? " at line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() : "";
			throw new MalformedInputException("malformed_json",
					"The body is not valid JSON" + where + ": " + ex.getOriginalMessage());
		}
	}

	/**
	 * Read a whole batch body: all records valid, or nothing.
	 * @param body the JSON bytes
	 * @return the records
	 * @throws MalformedInputException when the body is not JSON
	 * @throws PayloadTooLargeException when it has too many records
	 * @throws InvalidRecordsException when any record (or the envelope) is invalid
	 */
	public List<UsageInput> readBatch(byte[] body) {
		JsonNode root = parse(body);
		if (!root.isObject()) {
			throw new InvalidRecordsException(
					List.of(new RecordError(null, null, "records", "expected {\"records\": [ … ]}")), 0);
		}
		List<RecordError> errors = new ArrayList<>();
		for (String name : root.propertyNames()) {
			if (!name.equals("records")) {
				errors.add(new RecordError(null, null, name, "unknown field; the body is {\"records\": [ … ]}"));
			}
		}
		JsonNode records = root.get("records");
		if (records == null || !records.isArray()) {
			errors.add(new RecordError(null, null, "records", "is required and must be an array of records"));
			throw new InvalidRecordsException(errors, 0);
		}
		IngestLimits.checkRecordCount(records.size());
		List<UsageInput> inputs = new ArrayList<>(records.size());
		for (int index = 0; index < records.size(); index++) {
			UsageInput input = read(records.get(index), index, errors);
			if (input != null) {
				inputs.add(input);
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidRecordsException(errors, records.size());
		}
		return inputs;
	}

	/**
	 * Read one record of the batch format.
	 * @param record the record's JSON
	 * @param index its position, for errors
	 * @param errors where problems are added
	 * @return the record, or {@code null} when it had problems
	 */
	public UsageInput read(JsonNode record, int index, List<RecordError> errors) {
		if (record == null || !record.isObject()) {
			errors.add(RecordError.at(index, "record", "must be a JSON object"));
			return null;
		}
		int before = errors.size();
		for (String name : record.propertyNames()) {
			if (!FIELDS.contains(name)) {
				errors.add(RecordError.at(index, name, "unknown field"));
			}
		}
		String id = optionalId(record.get("id"), index, errors);
		UsageIdentity user = user(record.get("user"), index, errors);
		String source = requireText(record, "source", 64, index, errors);
		String model = requireText(record, "model", 128, index, errors);
		Instant start = requireInstant(record, "start", index, errors);
		Instant end = requireInstant(record, "end", index, errors);
		if (start != null && end != null && end.isBefore(start)) {
			errors.add(RecordError.at(index, "end", "must not be before start"));
		}
		long input = optionalCount(record, "input_tokens", index, errors);
		long output = optionalCount(record, "output_tokens", index, errors);
		long cacheRead = optionalCount(record, "cache_read_input_tokens", index, errors);
		long cacheCreation = optionalCount(record, "cache_creation_input_tokens", index, errors);
		long reasoning = optionalCount(record, "reasoning_tokens", index, errors);
		long requests = optionalCount(record, "requests", index, errors);
		BigDecimal cost = optionalCost(record, "cost_usd", index, errors);
		if (errors.size() > before) {
			return null;
		}
		return new UsageInput(id, user, source, model, start, end, input, output, cacheRead, cacheCreation, reasoning,
				requests, cost);
	}

	/**
	 * Read a required, non-blank text field.
	 * @param parent the object
	 * @param field the field name (also used in errors)
	 * @param maxLength the longest accepted value
	 * @param index the record's position
	 * @param errors where problems are added
	 * @return the stripped text, or {@code null} after adding an error
	 */
	public static String requireText(JsonNode parent, String field, int maxLength, int index,
			List<RecordError> errors) {
		JsonNode node = parent.get(field);
		if (node == null || node.isNull()) {
			errors.add(RecordError.at(index, field, "is required"));
			return null;
		}
		if (!node.isString() || node.stringValue().isBlank()) {
			errors.add(RecordError.at(index, field, "must be a non-empty string"));
			return null;
		}
		String text = node.stringValue().strip();
		if (text.length() > maxLength) {
			errors.add(RecordError.at(index, field, "must be at most " + maxLength + " characters"));
			return null;
		}
		return text;
	}

	/**
	 * Read a required ISO-8601 date-time with an offset, e.g.
	 * {@code 2026-11-26T09:00:00Z}.
	 * @param parent the object
	 * @param field the field name
	 * @param index the record's position
	 * @param errors where problems are added
	 * @return the instant, or {@code null} after adding an error
	 */
	public static Instant requireInstant(JsonNode parent, String field, int index, List<RecordError> errors) {
		JsonNode node = parent.get(field);
		if (node == null || node.isNull()) {
			errors.add(RecordError.at(index, field, "is required"));
			return null;
		}
		Instant instant = node.isString() ? parseInstant(node.stringValue()) : null;
		if (instant == null) {
			errors.add(RecordError.at(index, field,
					"must be an ISO-8601 date-time with offset, e.g. 2026-11-26T09:00:00Z"));
		}
		return instant;
	}

	/**
	 * Parse an ISO-8601 date-time with offset ({@code Z} or {@code +02:00}).
	 * @param text the text
	 * @return the instant, or {@code null} when it is not one
	 */
	public static Instant parseInstant(String text) {
		Instant utc = parseUtcSeconds(text);
		if (utc != null) {
			return utc;
		}
		try {
			return OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * The common case {@code 2026-11-26T09:00:00Z}, read without a formatter (ingest
	 * reads two per record); anything else returns {@code null}.
	 */
	private static Instant parseUtcSeconds(String text) {
		if (text.length() != 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != 'Z') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
				|| minute > 59 || second < 0 || second > 59) {
			return null;
		}
		try {
			return java.time.LocalDateTime.of(year, month, day, hour, minute, second)
				.toInstant(java.time.ZoneOffset.UTC);
		}
		catch (java.time.DateTimeException ex) {
			return null;
		}
	}

	private static int digits(String text, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	/**
	 * Read an optional non-negative integer (absent or {@code null}: 0).
	 * @param parent the object
	 * @param field the field name
	 * @param index the record's position
	 * @param errors where problems are added
	 * @return the value, or 0 (after adding an error when invalid)
	 */
	public static long optionalCount(JsonNode parent, String field, int index, List<RecordError> errors) {
		JsonNode node = parent.get(field);
		if (node == null || node.isNull()) {
			return 0;
		}
		if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
			return node.longValue();
		}
		if (node.isNumber() && isWholeNonNegativeLong(node.decimalValue())) {
			return node.decimalValue().longValueExact();
		}
		errors.add(RecordError.at(index, field, "must be a non-negative integer"));
		return 0;
	}

	/**
	 * Read an optional non-negative amount in USD (absent or {@code null}: none), rounded
	 * to 6 decimals.
	 * @param parent the object
	 * @param field the field name
	 * @param index the record's position
	 * @param errors where problems are added
	 * @return the amount, or {@code null}
	 */
	public static BigDecimal optionalCost(JsonNode parent, String field, int index, List<RecordError> errors) {
		JsonNode node = parent.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isNumber() || node.decimalValue().signum() < 0 || node.decimalValue().compareTo(MAX_COST) >= 0) {
			errors.add(RecordError.at(index, field, "must be a non-negative number (USD)"));
			return null;
		}
		return node.decimalValue().setScale(6, RoundingMode.HALF_UP);
	}

	private static boolean isWholeNonNegativeLong(BigDecimal value) {
		return value.signum() >= 0 && value.stripTrailingZeros().scale() <= 0
				&& value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
	}

	private static String optionalId(JsonNode node, int index, List<RecordError> errors) {
		if (node == null || node.isNull()) {
			return null;
		}
		if ((node.isString() && !node.stringValue().isBlank()) || node.isIntegralNumber()) {
			String id = node.isString() ? node.stringValue().strip() : node.asString();
			if (id.length() <= 1000) {
				return id;
			}
		}
		errors.add(RecordError.at(index, "id", "must be a non-empty string of at most 1000 characters"));
		return null;
	}

	private static UsageIdentity user(JsonNode node, int index, List<RecordError> errors) {
		if (node == null || node.isNull()) {
			errors.add(RecordError.at(index, "user",
					"is required: one of {\"email\"}, {\"slack_id\"}, " + "{\"api_key_name\"}"));
			return null;
		}
		if (!node.isObject()) {
			errors.add(RecordError.at(index, "user",
					"must be an object with exactly one of email, slack_id, " + "api_key_name"));
			return null;
		}
		for (String name : node.propertyNames()) {
			if (!USER_FORMS.contains(name)) {
				errors.add(RecordError.at(index, "user." + name, "unknown field; use email, slack_id or api_key_name"));
				return null;
			}
		}
		if (node.size() != 1) {
			errors.add(RecordError.at(index, "user", "must have exactly one of email, slack_id, api_key_name"));
			return null;
		}
		Map.Entry<String, JsonNode> form = node.properties().iterator().next();
		String field = "user." + form.getKey();
		JsonNode value = form.getValue();
		if (!value.isString() || value.stringValue().isBlank() || value.stringValue().length() > 320) {
			errors.add(RecordError.at(index, field, "must be a non-empty string of at most 320 characters"));
			return null;
		}
		String text = value.stringValue().strip();
		switch (form.getKey()) {
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
