package dev.legends.ingest.importers;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.legends.usage.UsageBounds;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file with a header row, read into rows that know their record index and line, so
 * that every problem is reported with its line and column.
 */
final class CsvRows {

	private CsvRows() {
	}

	/**
	 * Read a whole CSV file with a header row; column names are matched ignoring case.
	 * @param reader the file
	 * @param known the columns the format knows, or {@code null} to accept any
	 * @return the data rows
	 */
	static List<Row> read(Reader reader, List<String> known) {
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreSurroundingSpaces(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.get();
		try (CSVParser parser = CSVParser.parse(reader, format)) {
			List<String> header = parser.getHeaderNames();
			if (header.isEmpty()) {
				throw new ImportException(null, 1, "header", "the file has no header row");
			}
			if (known != null) {
				for (String name : header) {
					if (!known.contains(name.toLowerCase(Locale.ROOT))) {
						throw new ImportException(null, 1, name, "is not a known column; known columns: " + known);
					}
				}
			}
			List<Row> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				rows.add(new Row(record, rows.size(), (int) parser.getCurrentLineNumber()));
			}
			return rows;
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
			// the file is in memory: reading it fails only where it is not CSV (e.g. an
			// unterminated quote in the header row)
			throw new ImportException(null, null, "body", "not valid CSV: " + ex.getMessage());
		}
	}

	static Reader utf8(java.io.InputStream in) {
		return new InputStreamReader(in, StandardCharsets.UTF_8);
	}

	/**
	 * One data row.
	 */
	static final class Row {

		private final CSVRecord record;

		private final int index;

		private final Map<String, String> values;

		private final int line;

		Row(CSVRecord record, int index, int line) {
			this.record = record;
			this.index = index;
			this.line = line;
			this.values = new java.util.HashMap<>();
			record.toMap().forEach((name, value) -> this.values.put(name.toLowerCase(Locale.ROOT), value));
		}

		int index() {
			return this.index;
		}

		int line() {
			return this.line;
		}

		/**
		 * A cell's text.
		 * @param column the column
		 * @return the text, or {@code null} when absent or empty
		 */
		String text(String column) {
			String value = this.values.get(column.toLowerCase(Locale.ROOT));
			return (value == null || value.isBlank()) ? null : value.strip();
		}

		String requiredText(String column) {
			String value = text(column);
			if (value == null) {
				throw fail(column, "is required");
			}
			return value;
		}

		/**
		 * A token or request count: a non-negative integer, 0 when empty.
		 * @param column the column
		 * @return the count
		 */
		long count(String column) {
			String value = text(column);
			if (value == null) {
				return 0;
			}
			String digits = value.endsWith(".0") ? value.substring(0, value.length() - 2) : value;
			if (!digits.matches("\\d{1,18}")) {
				throw fail(column,
						"must be a non-negative integer"
								+ (digits.matches("\\d+") ? " of at most " + UsageBounds.MAX_TOKENS + " (10^12)" : "")
								+ ", not \"" + value + "\"");
			}
			long count = Long.parseLong(digits);
			String problem = UsageBounds.tokens(count);
			if (problem != null) {
				throw fail(column, problem + ", not " + count);
			}
			return count;
		}

		BigDecimal decimal(String column) {
			String value = text(column);
			if (value == null) {
				return null;
			}
			try {
				BigDecimal amount = new BigDecimal(value);
				if (amount.signum() < 0) {
					throw fail(column, "must not be negative");
				}
				if (amount.compareTo(JsonRow.MAX_AMOUNT) > 0) {
					throw fail(column, "must be at most " + JsonRow.MAX_AMOUNT.toPlainString() + ", not "
							+ amount.toPlainString());
				}
				return amount;
			}
			catch (NumberFormatException ex) {
				throw fail(column, "must be a number, not \"" + value + "\"");
			}
		}

		Instant instant(String column) {
			return JsonRow.Instants.parse(requiredText(column),
					() -> fail(column, "must be an ISO-8601 timestamp, e.g. 2026-11-26T09:00:00Z"));
		}

		List<String> values() {
			return this.record.toList();
		}

		ImportException fail(String column, String message) {
			return new ImportException(this.index, line(), column, message);
		}

	}

}
