package dev.legends.ingest.otlp;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last value seen of each cumulative series of one workspace, as loaded for one
 * export, with the changes the export makes.
 */
final class SeriesState {

	private final Map<String, Last> last;

	private final Map<String, Last> changed = new LinkedHashMap<>();

	SeriesState(Map<String, Last> last) {
		this.last = new HashMap<>(last);
	}

	/**
	 * No series seen (for exports with delta points only).
	 * @return an empty state
	 */
	static SeriesState none() {
		return new SeriesState(Map.of());
	}

	Last get(String seriesKey) {
		return this.last.get(seriesKey);
	}

	void put(String seriesKey, Last value) {
		this.last.put(seriesKey, value);
		this.changed.put(seriesKey, value);
	}

	Map<String, Last> changed() {
		return this.changed;
	}

	/**
	 * The last point seen of a series.
	 *
	 * @param timeNanos its time
	 * @param value its value
	 */
	record Last(long timeNanos, double value) {

	}

}
