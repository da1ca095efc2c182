package dev.legends.ingest.importers;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dev.legends.usage.UsageBounds;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A node of a JSON export together with its path in the file and the index of the record
 * being read, so that every problem can be reported with its record index and field, e.g.
 * {@code data[0].results[2].output_tokens}.
 */
final class JsonRow {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * The largest decimal amount read (USD, or cents at most 100 times the largest cost);
	 * the record's cost is checked against {@link UsageBounds#MAX_COST_USD} after
	 * conversion.
	 */
	static final BigDecimal MAX_AMOUNT = UsageBounds.MAX_COST_USD.movePointRight(2);

	private final JsonNode node;

	private final String path;

	private final int index;

	private JsonRow(JsonNode node, String path, int index) {
		this.node = node;
		this.path = path;
		this.index = index;
	}

	/**
	 * Read a whole JSON file.
	 * @param in the file
	 * @return its root, at index 0
	 */
	static JsonRow read(InputStream in) {
		try {
			JsonNode root = mapper.readTree(in);
			if (root == null || root.isMissingNode()) {
				throw new ImportException(null, null, "body", "the file is empty");
			}
			return new JsonRow(root, "", 0);
		}
		catch (JacksonException ex) {
			Integer line = (ex.getLocation() != null && ex.getLocation().getLineNr() > 0) ? ex.getLocation().getLineNr()
					: null;
			throw new ImportException(null, line, "body", "not valid JSON: " + ex.getOriginalMessage());
		}
	}

	JsonNode node() {
		return this.node;
	}

	String path() {
		return this.path;
	}

	int index() {
		return this.index;
	}

	boolean isArray() {
		return this.node.isArray();
	}

	boolean isObject() {
		return this.node.isObject();
	}

	/**
	 * This node, read as record {@code index}.
	 * @param index the record index
	 * @return the same node with another index
	 */
	JsonRow asRecord(int index) {
		return new JsonRow(this.node, this.path, index);
	}

	boolean has(String name) {
		JsonNode value = this.node.get(name);
		return value != null && !value.isNull();
	}

	/**
	 * An object member.
	 * @param name the member name
	 * @return the member (possibly missing)
	 */
	JsonRow child(String name) {
		JsonNode value = this.node.get(name);
		return new JsonRow((value != null) ? value : tools.jackson.databind.node.MissingNode.getInstance(), field(name),
				this.index);
	}

	/**
	 * The elements of this array node.
	 * @return the elements, each with its path
	 */
	List<JsonRow> elements() {
		if (!this.node.isArray()) {
			throw new ImportException(this.index, null, this.path.isEmpty() ? "body" : this.path, "must be an array");
		}
		List<JsonRow> elements = new ArrayList<>();
		for (int i = 0; i < this.node.size(); i++) {
			elements.add(new JsonRow(this.node.get(i), this.path + "[" + i + "]", this.index));
		}
		return elements;
	}

	/**
	 * The entries of a paged export: this node is one page or an array of pages, each
	 * page holding its entries in an array member; an element that is itself an entry (it
	 * has the marker member) counts as one.
	 * @param arrayName the page's array member, e.g. {@code data}
	 * @param marker a member only entries have, e.g. {@code results}
	 * @return the entries, in file order
	 */
	List<JsonRow> entries(String arrayName, String marker) {
		List<JsonRow> entries = new ArrayList<>();
		for (JsonRow page : isArray() ? elements() : List.of(this)) {
			if (page.has(marker)) {
				entries.add(page);
			}
			else {
				entries.addAll(page.array(arrayName, true));
			}
		}
		return entries;
	}

	/**
	 * The elements of an array member.
	 * @param name the member name
	 * @param required whether a missing member is an error (else: no elements)
	 * @return the elements
	 */
	List<JsonRow> array(String name, boolean required) {
		if (!has(name)) {
			if (required) {
				throw fail(name, "is required (an array)");
			}
			return List.of();
		}
		return child(name).elements();
	}

	/**
	 * A text member.
	 * @param name the member name
	 * @return the text, or {@code null} when missing, null or blank
	 */
	String text(String name) {
		JsonNode value = this.node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isValueNode() || value.isContainer()) {
			throw fail(name, "must be a string");
		}
		String text = value.asString();
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * A required text member.
	 * @param name the member name
	 * @return the text
	 */
	String requiredText(String name) {
		String text = text(name);
		if (text == null) {
			throw fail(name, "is required");
		}
		return text;
	}

	/**
	 * An optional token or request count.
	 * @param name the member name
	 * @return the count, 0 when missing or null
	 */
	long count(String name) {
		return has(name) ? requiredCount(name) : 0;
	}

	/**
	 * A required token or request count: a non-negative integer.
	 * @param name the member name
	 * @return the count
	 */
	long requiredCount(String name) {
		JsonNode value = this.node.get(name);
		if (value == null || value.isNull()) {
			throw fail(name, "is required (a non-negative integer)");
		}
		long count;
		if (value.isIntegralNumber() && value.canConvertToLong()) {
			count = value.longValue();
		}
		else if (value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToLong()) {
			count = value.asLong();
		}
		else if (value.isString() && value.asString().strip().matches("-?\\d{1,18}")) {
			count = Long.parseLong(value.asString().strip());
		}
		else {
			throw fail(name, "must be a non-negative integer, not " + value);
		}
		String problem = UsageBounds.tokens(count);
		if (problem != null) {
			throw fail(name, problem + ", not " + count);
		}
		return count;
	}

	/**
	 * An optional decimal amount.
	 * @param name the member name
	 * @return the amount, or {@code null} when missing
	 */
	BigDecimal decimal(String name) {
		JsonNode value = this.node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		try {
			BigDecimal amount = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asString().strip());
			if (amount.signum() < 0) {
				throw fail(name, "must not be negative");
			}
			if (amount.compareTo(MAX_AMOUNT) > 0) {
				throw fail(name, "must be at most " + MAX_AMOUNT.toPlainString() + ", not " + amount.toPlainString());
			}
			return amount;
		}
		catch (NumberFormatException ex) {
			throw fail(name, "must be a number, not " + value);
		}
	}

	/**
	 * A required point in time: an RFC 3339 timestamp, or a date (midnight UTC).
	 * @param name the member name
	 * @return the instant
	 */
	Instant instant(String name) {
		return Instants.parse(requiredText(name), () -> fail(name, "must be an ISO-8601 timestamp or date"));
	}

	/**
	 * A required date: {@code YYYY-MM-DD} or a timestamp (its UTC date).
	 * @param name the member name
	 * @return the date
	 */
	LocalDate date(String name) {
		return LocalDate.ofInstant(instant(name), ZoneOffset.UTC);
	}

	/**
	 * A required point in time given in epoch seconds.
	 * @param name the member name
	 * @return the instant
	 */
	Instant epochSeconds(String name) {
		return Instant.ofEpochSecond(requiredCount(name));
	}

	/**
	 * A problem with a member of this node.
	 * @param name the member name
	 * @param message what is wrong
	 * @return the exception to throw
	 */
	ImportException fail(String name, String message) {
		return new ImportException(this.index, null, field(name), message);
	}

	private String field(String name) {
		return this.path.isEmpty() ? name : this.path + "." + name;
	}

	/**
	 * Parsing of the timestamps export files carry.
	 */
	static final class Instants {

		private Instants() {
		}

		static Instant parse(String text, java.util.function.Supplier<ImportException> failure) {
			try {
				if (text.length() == 10) {
					return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
				}
				if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
					return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
				}
				// no zone: LiteLLM and others write UTC without an offset
				return java.time.LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException ex) {
				throw failure.get();
			}
		}

	}

}
