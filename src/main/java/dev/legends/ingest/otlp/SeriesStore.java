package dev.legends.ingest.otlp;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the last value of each cumulative series is kept between exports.
 */
@Component
class SeriesStore {

	private final JdbcTemplate jdbc;

	SeriesStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Load (and lock, until the transaction ends) the last values of some series.
	 * @param workspaceId the workspace
	 * @param seriesKeys the series
	 * @return the state of those that were seen before
	 */
	SeriesState load(Long workspaceId, Collection<String> seriesKeys) {
		Map<String, SeriesState.Last> last = new HashMap<>();
		for (String key : seriesKeys) {
			this.jdbc
				.query("select last_time_nanos, last_value from otlp_series where workspace_id = ? and series_key = ? "
						+ "for update", (rs) -> {
							last.put(key, new SeriesState.Last(rs.getLong(1), rs.getDouble(2)));
						}, workspaceId, key);
		}
		return new SeriesState(last);
	}

	/**
	 * Save the series an export changed.
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

}
