package dev.legends.ingest.otlp;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the last value of each cumulative series is kept between exports: in the
 * database, and the series seen lately in memory too (a few per person for 100,000
 * people), so that an export of a known series reads nothing. The memory holds only
 * committed values.
 */
@Component
class SeriesStore {

	static final int MAX_CACHED = 400_000;

	private final JdbcTemplate jdbc;

	private final Cache<Key, SeriesState.Last> cache = Caffeine.newBuilder().maximumSize(MAX_CACHED).build();

	SeriesStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The last values of some series (callers serialise exports of the same series).
	 * @param workspaceId the workspace
	 * @param seriesKeys the series
	 * @return the state of those that were seen before
	 */
	SeriesState load(Long workspaceId, Collection<String> seriesKeys) {
		Map<String, SeriesState.Last> last = new HashMap<>();
		for (String key : seriesKeys) {
			SeriesState.Last cached = this.cache.getIfPresent(new Key(workspaceId, key));
			if (cached != null) {
				last.put(key, cached);
				continue;
			}
			this.jdbc.query("select last_time_nanos, last_value from otlp_series where workspace_id = ? "
					+ "and series_key = ?", (rs) -> {
						last.put(key, new SeriesState.Last(rs.getLong(1), rs.getDouble(2)));
					}, workspaceId, key);
		}
		return new SeriesState(last);
	}

	/**
	 * Save the series an export changed (in the export's transaction).
	 * @param workspaceId the workspace
	 * @param state the state after the export
	 */
	void save(Long workspaceId, SeriesState state) {
		Timestamp now = Timestamp.from(Instant.now());
		state.changed().forEach((key, last) -> {
			int updated = this.jdbc.update(
					"update otlp_series set last_time_nanos = ?, last_value = ?, updated_at = ? "
							+ "where workspace_id = ? and series_key = ?",
					last.timeNanos(), last.value(), now, workspaceId, key);
			if (updated == 0) {
				this.jdbc.update(
						"insert into otlp_series (last_time_nanos, last_value, updated_at, workspace_id, "
								+ "series_key) values (?, ?, ?, ?, ?)",
						last.timeNanos(), last.value(), now, workspaceId, key);
			}
		});
	}

	/**
	 * Remember the series an export changed, once its transaction committed.
	 * @param workspaceId the workspace
	 * @param state the state after the export
	 */
	void committed(Long workspaceId, SeriesState state) {
		state.changed().forEach((key, last) -> this.cache.put(new Key(workspaceId, key), last));
	}

	private record Key(Long workspaceId, String seriesKey) {

	}

}
