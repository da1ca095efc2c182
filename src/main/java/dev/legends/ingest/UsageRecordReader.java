package dev.legends.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dev.legends.usage.UsageInput;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads and validates usage records in the batch format ({@code {"records":[…]}})
 * straight from the JSON stream, one problem per field, so that a whole batch is either
 * stored or refused with every problem named. The whole body is read before it is judged:
 * broken JSON anywhere is a {@code malformed_json} answer, as for any parser.
 */
@Component
public class UsageRecordReader {

	/**
	 * Duplicate names are found by the reader itself (as it knows each record's fields),
	 * cheaper than the parser's own detection, which keeps a set per object.
	 */
	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Read a whole batch body: all records valid, or nothing.
	 * @param body the JSON bytes
	 * @return the records
	 * @throws MalformedInputException when the body is not JSON
	 * @throws PayloadTooLargeException when it has too many records
	 * @throws InvalidRecordsException when any record (or the envelope) is invalid
	 */
	public List<UsageInput> readBatch(byte[] body) {
		Batch batch = new Batch();
		try (JsonParser parser = this.json.createParser(body)) {
			JsonToken root = parser.nextToken();
			if (root == null) {
				throw new MalformedInputException("malformed_json", "The body is empty; expected a JSON object.");
			}
			if (root == JsonToken.START_OBJECT) {
				readEnvelope(parser, batch);
			}
			else {
				parser.skipChildren();
				batch.notAnObject = true;
			}
			if (parser.nextToken() != null) {
				throw malformed(parser.currentLocation(), "a second value after the JSON object");
			}
		}
		catch (JacksonException ex) {
			throw malformed(ex.getLocation(), ex.getOriginalMessage());
		}
		return batch.inputs();
	}

	private static void readEnvelope(JsonParser parser, Batch batch) {
		List<String> names = new ArrayList<>(1);
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken value = parser.nextToken();
			addName(names, parser, name, name);
			if (!name.equals("records")) {
				batch.envelopeErrors
					.add(new RecordError(null, null, name, "unknown field; the body is {\"records\": [ … ]}"));
				parser.skipChildren();
			}
			else if (value == JsonToken.START_ARRAY) {
				readRecords(parser, batch);
			}
			else {
				parser.skipChildren();
			}
		}
	}

	private static void readRecords(JsonParser parser, Batch batch) {
		batch.recordsFound = true;
		RecordFields fields = new RecordFields();
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
			int index = batch.count++;
			if (index >= IngestLimits.MAX_RECORDS) {
				parser.skipChildren();
			}
			else if (token != JsonToken.START_OBJECT) {
				parser.skipChildren();
				batch.recordErrors.add(RecordError.at(index, "record", "must be a JSON object"));
			}
			else {
				fields.read(parser);
				UsageInput input = fields.validate(index, batch.recordErrors);
				if (input != null) {
					batch.inputs.add(input);
				}
			}
		}
	}

	/**
	 * The answer to a name given twice in one JSON object.
	 * @param parser the parser, just past the second occurrence
	 * @param name the name
	 * @return the exception to throw
	 */
	static MalformedInputException duplicate(JsonParser parser, String name) {
		return malformed(parser.currentLocation(), "duplicate field \"" + name + "\"");
	}

	/**
	 * Add a name to those of one JSON object, refusing a name given twice.
	 * @param names the object's names so far
	 * @param parser the parser, just past the name
	 * @param name the name
	 * @param field how an answer names the field
	 */
	static void addName(List<String> names, JsonParser parser, String name, String field) {
		if (names.contains(name)) {
			throw duplicate(parser, field);
		}
		names.add(name);
	}

	private static MalformedInputException malformed(TokenStreamLocation location, String problem) {
		String where = (location != null) ? " at line " + location.getLineNr() + ", column " + location.getColumnNr()
				: "";
		return new MalformedInputException("malformed_json", "The body is not valid JSON" + where + ": " + problem);
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
	 * @param text the text, e.g. a parser's buffer
	 * @return the instant, or {@code null} when the text is not in that form
	 */
	static Instant parseUtcSeconds(CharSequence text) {
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
			return Instant.ofEpochSecond(
					LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3_600 + minute * 60 + second);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static int digits(CharSequence text, int from, int count) {
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

	/** What a body held, judged once it is read to the end. */
	private static final class Batch {

		private boolean notAnObject;

		private boolean recordsFound;

		private int count;

		private final List<RecordError> envelopeErrors = new ArrayList<>();

		private final List<RecordError> recordErrors = new ArrayList<>();

		private final List<UsageInput> inputs = new ArrayList<>();

		List<UsageInput> inputs() {
			if (this.notAnObject) {
				throw new InvalidRecordsException(
						List.of(new RecordError(null, null, "records", "expected {\"records\": [ … ]}")), 0);
			}
			if (!this.recordsFound) {
				this.envelopeErrors
					.add(new RecordError(null, null, "records", "is required and must be an array of records"));
				throw new InvalidRecordsException(this.envelopeErrors, 0);
			}
			IngestLimits.checkRecordCount(this.count);
			if (!this.envelopeErrors.isEmpty() || !this.recordErrors.isEmpty()) {
				List<RecordError> errors = new ArrayList<>(this.envelopeErrors);
				errors.addAll(this.recordErrors);
				throw new InvalidRecordsException(errors, this.count);
			}
			return this.inputs;
		}

	}

}
