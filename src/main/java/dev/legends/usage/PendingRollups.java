package dev.legends.usage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.legends.usage.UsageStore.RollupKey;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The hourly sums of committed ingest batches that are not in the rollups yet, one row
 * per batch ({@code usage_rollup_pending}).
 */
@Repository
class PendingRollups {

	private static final int FORMAT = 1;

	private final JdbcTemplate jdbc;

	PendingRollups(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void add(Long workspaceId, Map<RollupKey, TokenCounts> hourly) {
		if (hourly.isEmpty()) {
			return;
		}
		this.jdbc.update("insert into usage_rollup_pending (workspace_id, payload, created_at) values (?, ?, ?)",
				workspaceId, encode(hourly), UsageStore.utc(Instant.now()));
	}

	boolean any() {
		Boolean any = this.jdbc.query("select 1 from usage_rollup_pending fetch first 1 rows only",
				(ResultSet rs) -> rs.next());
		return Boolean.TRUE.equals(any);
	}

	/**
	 * The oldest pending batches, locked until the current transaction ends (another
	 * instance folding at the same time waits, then finds them gone).
	 * @param limit how many at most
	 * @return the batches
	 */
	List<Batch> lockOldest(int limit) {
		return this.jdbc.query(
				"select id, workspace_id, payload from usage_rollup_pending order by id fetch first ? rows only "
						+ "for update",
				(rs, n) -> new Batch(rs.getLong(1), rs.getLong(2), decode(rs.getBytes(3))), limit);
	}

	void delete(List<Long> ids) {
		this.jdbc.batchUpdate("delete from usage_rollup_pending where id = ?", ids, 1000,
				(statement, id) -> statement.setLong(1, id));
	}

	static byte[] encode(Map<RollupKey, TokenCounts> hourly) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(hourly.size() * 96);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeInt(FORMAT);
			out.writeInt(hourly.size());
			for (Map.Entry<RollupKey, TokenCounts> entry : hourly.entrySet()) {
				RollupKey key = entry.getKey();
				TokenCounts counts = entry.getValue();
				out.writeLong(key.identityId());
				out.writeUTF(key.model());
				out.writeLong(key.bucketStart().getEpochSecond());
				out.writeLong(counts.input());
				out.writeLong(counts.output());
				out.writeLong(counts.cacheRead());
				out.writeLong(counts.cacheCreation());
				out.writeLong(counts.reasoning());
				out.writeLong(counts.requests());
				out.writeUTF(counts.costReported().toPlainString());
				out.writeLong(counts.records());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static Map<RollupKey, TokenCounts> decode(byte[] payload) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
			int format = in.readInt();
			if (format != FORMAT) {
				throw new IllegalStateException("Unknown pending rollup format " + format);
			}
			int size = in.readInt();
			Map<RollupKey, TokenCounts> hourly = new HashMap<>(size * 2);
			for (int i = 0; i < size; i++) {
				RollupKey key = new RollupKey(in.readLong(), in.readUTF(), Instant.ofEpochSecond(in.readLong()));
				hourly.put(key, new TokenCounts(in.readLong(), in.readLong(), in.readLong(), in.readLong(),
						in.readLong(), in.readLong(), new BigDecimal(in.readUTF()), in.readLong()));
			}
			return hourly;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One pending batch. */
	record Batch(long id, long workspaceId, Map<RollupKey, TokenCounts> hourly) {

	}

}
