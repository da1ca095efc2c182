package dev.legends.usage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import dev.legends.usage.UsageStore.RollupKey;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The hourly sums of committed ingest batches that are not in the rollups yet, one row
 * per batch ({@code usage_rollup_pending}).
 */
@Repository
class PendingRollups {

	/** The payload format written now. */
	private static final int FORMAT = 2;

	/** The first payload format, still read. */
	private static final int FORMAT_1 = 1;

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

	/**
	 * The ids of the oldest pending batches, unlocked.
	 * @param limit how many at most
	 * @return the ids, oldest first
	 */
	List<Long> oldestIds(int limit) {
		return this.jdbc.queryForList("select id from usage_rollup_pending order by id fetch first ? rows only",
				Long.class, limit);
	}

	/**
	 * One pending batch, locked until the current transaction ends.
	 * @param id the batch
	 * @return the batch, or none when another instance folded it already
	 */
	List<Batch> lock(long id) {
		return this.jdbc.query("select id, workspace_id, payload from usage_rollup_pending where id = ? for update",
				(rs, n) -> new Batch(rs.getLong(1), rs.getLong(2), decode(rs.getBytes(3))), id);
	}

	void delete(List<Long> ids) {
		this.jdbc.batchUpdate("delete from usage_rollup_pending where id = ?", ids, 1000,
				(statement, id) -> statement.setLong(1, id));
	}

	/**
	 * A batch's sums in {@link #FORMAT}: each model name once, then per row varints
	 * (identity, model number, hour, counters) and the cost as unscaled value and scale.
	 * A few dozen bytes a row: the payload is written, read back and deleted by the
	 * database for every batch.
	 */
	static byte[] encode(Map<RollupKey, TokenCounts> hourly) {
		Map<String, Integer> models = new LinkedHashMap<>();
		hourly.keySet().forEach((key) -> models.putIfAbsent(key.model(), models.size()));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(hourly.size() * 32 + 64);
		try {
			bytes.write(ByteBuffer.allocate(Integer.BYTES).putInt(FORMAT).array());
			CodedOutputStream out = CodedOutputStream.newInstance(bytes);
			out.writeUInt32NoTag(models.size());
			for (String model : models.keySet()) {
				out.writeStringNoTag(model);
			}
			out.writeUInt32NoTag(hourly.size());
			for (Map.Entry<RollupKey, TokenCounts> entry : hourly.entrySet()) {
				RollupKey key = entry.getKey();
				TokenCounts counts = entry.getValue();
				out.writeUInt64NoTag(key.identityId());
				out.writeUInt32NoTag(models.get(key.model()));
				out.writeSInt64NoTag(key.bucketStart().getEpochSecond());
				out.writeUInt64NoTag(counts.input());
				out.writeUInt64NoTag(counts.output());
				out.writeUInt64NoTag(counts.cacheRead());
				out.writeUInt64NoTag(counts.cacheCreation());
				out.writeUInt64NoTag(counts.reasoning());
				out.writeUInt64NoTag(counts.requests());
				writeDecimal(out, counts.costReported());
				out.writeUInt64NoTag(counts.records());
			}
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * A batch's sums from its payload.
	 * @param payload the payload
	 * @return the sums
	 * @throws RollupQuarantine.Unfoldable when the payload does not decode
	 */
	static Map<RollupKey, TokenCounts> decode(byte[] payload) {
		try {
			return decodeAny(payload);
		}
		catch (RuntimeException ex) {
			throw new RollupQuarantine.Unfoldable("the payload does not decode (" + ex + ")", ex);
		}
	}

	private static Map<RollupKey, TokenCounts> decodeAny(byte[] payload) {
		try {
			int format = ByteBuffer.wrap(payload).getInt();
			if (format == FORMAT_1) {
				return decodeFormat1(payload);
			}
			if (format != FORMAT) {
				throw new IllegalStateException("Unknown pending rollup format " + format);
			}
			CodedInputStream in = CodedInputStream.newInstance(payload, Integer.BYTES, payload.length - Integer.BYTES);
			String[] models = new String[in.readUInt32()];
			for (int i = 0; i < models.length; i++) {
				models[i] = in.readString();
			}
			int size = in.readUInt32();
			Map<RollupKey, TokenCounts> hourly = new HashMap<>(size * 2);
			for (int i = 0; i < size; i++) {
				RollupKey key = new RollupKey(in.readUInt64(), models[in.readUInt32()],
						Instant.ofEpochSecond(in.readSInt64()));
				hourly.put(key, new TokenCounts(in.readUInt64(), in.readUInt64(), in.readUInt64(), in.readUInt64(),
						in.readUInt64(), in.readUInt64(), readDecimal(in), in.readUInt64()));
			}
			return hourly;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A decimal as its scale and unscaled value: a zigzag varint when the value fits a
	 * {@code long} (always, for sums of costs), else its bytes.
	 */
	private static void writeDecimal(CodedOutputStream out, BigDecimal value) throws IOException {
		BigInteger unscaled = value.unscaledValue();
		out.writeSInt32NoTag(value.scale());
		if (unscaled.bitLength() < Long.SIZE) {
			out.writeBoolNoTag(true);
			out.writeSInt64NoTag(unscaled.longValueExact());
		}
		else {
			out.writeBoolNoTag(false);
			out.writeByteArrayNoTag(unscaled.toByteArray());
		}
	}

	private static BigDecimal readDecimal(CodedInputStream in) throws IOException {
		int scale = in.readSInt32();
		return in.readBool() ? BigDecimal.valueOf(in.readSInt64(), scale)
				: new BigDecimal(new BigInteger(in.readByteArray()), scale);
	}

	/**
	 * Pending batches written before {@link #FORMAT} (fixed-size numbers, the model and
	 * cost as text), which may still be waiting when a new version starts.
	 */
	private static Map<RollupKey, TokenCounts> decodeFormat1(byte[] payload) throws IOException {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
			in.readInt();
			int size = in.readInt();
			Map<RollupKey, TokenCounts> hourly = new HashMap<>(size * 2);
			for (int i = 0; i < size; i++) {
				RollupKey key = new RollupKey(in.readLong(), in.readUTF(), Instant.ofEpochSecond(in.readLong()));
				hourly.put(key, new TokenCounts(in.readLong(), in.readLong(), in.readLong(), in.readLong(),
						in.readLong(), in.readLong(), new BigDecimal(in.readUTF()), in.readLong()));
			}
			return hourly;
		}
	}

	/** One pending batch. */
	record Batch(long id, long workspaceId, Map<RollupKey, TokenCounts> hourly) {

	}

}
