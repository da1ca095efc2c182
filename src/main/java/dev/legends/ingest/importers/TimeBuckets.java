package dev.legends.ingest.importers;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import dev.legends.usage.UsageInput;

/**
 * Reads the shape the providers' organisation usage APIs share: pages of {@code data[]}
 * time buckets, each holding {@code results[]} rows that turn into usage records.
 *
 * @param startField the bucket's start field
 * @param endField the bucket's end field
 * @param time how to read a time field of a bucket
 */
record TimeBuckets(String startField, String endField, BiFunction<JsonRow, String, Instant> time) {

	/**
	 * Read every result row of every bucket.
	 * @param in the export file
	 * @param mapper turns one result row, with its bucket's start and end, into a record
	 * @return the records in file order
	 */
	Imported read(InputStream in, ResultMapper mapper) {
		JsonRow root = JsonRow.read(in);
		List<UsageInput> usage = new ArrayList<>();
		for (JsonRow bucket : root.entries("data", "results")) {
			Instant start = this.time.apply(bucket, this.startField);
			Instant end = this.time.apply(bucket, this.endField);
			if (end.isBefore(start)) {
				throw bucket.fail(this.endField, "is before " + this.startField);
			}
			for (JsonRow result : bucket.array("results", true)) {
				usage.add(mapper.record(result.asRecord(usage.size()), start, end));
			}
		}
		return Imported.of(usage);
	}

	/**
	 * Turns one result row of a bucket into a usage record.
	 */
	@FunctionalInterface
	interface ResultMapper {

		UsageInput record(JsonRow result, Instant start, Instant end);

	}

}
