package dev.legends.usage;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.legends.workspace.InsertIfAbsent;
import dev.legends.workspace.TimeWindow;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Plain JDBC access to identities, raw usage records and hourly rollups: batch inserts on
 * the ingest path, grouped sums over rollups for every period query.
 */
@Repository
class UsageStore {

	private static final int IN_CHUNK = 500;

	private static final String INSERT_IDENTITY = "insert into usage_identity (workspace_id, kind, identity_value, "
			+ "member_id, created_at) values (?, ?, ?, ?, ?)";

	private static final int KEY_CHUNK = 5000;

	private static final int ROWS_PER_INSERT = 100;

	private static final int STATEMENTS_PER_BATCH = 10;

	/** The counter columns of the rollup tables, in {@link #setCounts} order. */
	static final String COUNTS = "input_tokens, output_tokens, cache_read_tokens, cache_creation_tokens, "
			+ "reasoning_tokens, requests, cost_usd_reported, records";

	/**
	 * The sums of the counter columns of rollup rows aliased {@code r}, in the same
	 * order.
	 */
	static final String SUMS = "sum(r.input_tokens), sum(r.output_tokens), sum(r.cache_read_tokens), "
			+ "sum(r.cache_creation_tokens), sum(r.reasoning_tokens), sum(r.requests), "
			+ "sum(r.cost_usd_reported), sum(r.records)";

	private static final String IN_WINDOW = " r.bucket_start >= ? and r.bucket_start < ? ";

	private final JdbcTemplate jdbc;

	private final InsertIfAbsent inserts;

	UsageStore(JdbcTemplate jdbc, InsertIfAbsent inserts) {
		this.jdbc = jdbc;
		this.inserts = inserts;
	}

	/**
	 * The stored rows of these identities: the values of each kind go in as one array
	 * parameter joined to the unique index, one index lookup each (a long {@code IN} list
	 * is scanned instead on H2).
	 */
	Map<UsageIdentity, IdentityRow> findIdentities(Long workspaceId, Collection<UsageIdentity> identities) {
		Map<UsageIdentity, IdentityRow> found = new HashMap<>();
		Map<UsageIdentity.Kind, List<String>> byKind = new HashMap<>();
		identities.forEach(
				(identity) -> byKind.computeIfAbsent(identity.kind(), (k) -> new ArrayList<>()).add(identity.value()));
		byKind.forEach((kind, values) -> chunks(values, KEY_CHUNK).forEach((chunk) -> this.jdbc.query((connection) -> {
			PreparedStatement statement = connection
				.prepareStatement("select i.id, i.identity_value, i.member_id from unnest(?) v(identity_value) "
						+ "join usage_identity i on i.identity_value = v.identity_value "
						+ "where i.workspace_id = ? and i.kind = ?");
			statement.setArray(1, connection.createArrayOf("varchar", chunk.toArray()));
			statement.setLong(2, workspaceId);
			statement.setString(3, kind.name());
			return statement;
		}, (rs) -> {
			found.put(new UsageIdentity(kind, rs.getString(2)),
					new IdentityRow(rs.getLong(1), (Long) rs.getObject(3, Long.class)));
		})));
		return found;
	}

	/**
	 * Insert rows for identities the workspace has none for yet (with their member, or
	 * none), in one batch; rows another writer inserted meanwhile are left as they are.
	 * Read the rows with {@link #findIdentities} afterwards.
	 */
	void insertIdentities(Long workspaceId, Map<UsageIdentity, Long> members) {
		OffsetDateTime now = utc(Instant.now());
		List<Object[]> rows = new ArrayList<>();
		members.forEach((identity, memberId) -> rows
			.add(new Object[] { workspaceId, identity.kind().name(), identity.value(), memberId, now }));
		this.inserts.insertAll(INSERT_IDENTITY, rows);
	}

	/**
	 * The id of an identity's row, inserted (with this member, or none) when the
	 * workspace has none yet; concurrent batches that bring the same new identity share
	 * one row.
	 */
	long identityFor(Long workspaceId, UsageIdentity identity, Long memberId) {
		this.inserts.insert(INSERT_IDENTITY, workspaceId, identity.kind().name(), identity.value(), memberId,
				utc(Instant.now()));
		return this.findIdentities(workspaceId, List.of(identity)).get(identity).id();
	}

	void setIdentityMember(long identityId, Long memberId) {
		this.jdbc.update("update usage_identity set member_id = ? where id = ?", memberId, identityId);
	}

	int attachMember(Long workspaceId, Long memberId, String slackUserId, String email) {
		return this.jdbc.update(
				"update usage_identity set member_id = ? where workspace_id = ? and member_id is null "
						+ "and ((kind = 'EMAIL' and identity_value = ?) or (kind = 'SLACK_ID' and identity_value = ?))",
				memberId, workspaceId, (email != null) ? email.strip().toLowerCase(java.util.Locale.ROOT) : "",
				slackUserId);
	}

	/**
	 * Which of these keys are stored already: the keys go in as one array parameter and
	 * are joined to the unique index, one index lookup per key (a long {@code IN} list is
	 * scanned instead on H2).
	 */
	Set<String> existingKeys(Long workspaceId, String source, Collection<String> keys) {
		Set<String> existing = new HashSet<>();
		for (List<String> chunk : chunks(new ArrayList<>(keys), KEY_CHUNK)) {
			this.jdbc.query((connection) -> {
				PreparedStatement statement = connection
					.prepareStatement("select r.dedupe_key from unnest(?) k(dedupe_key) join usage_record r "
							+ "on r.dedupe_key = k.dedupe_key where r.workspace_id = ? and r.source = ?");
				statement.setArray(1, connection.createArrayOf("varchar", chunk.toArray()));
				statement.setLong(2, workspaceId);
				statement.setString(3, source);
				return statement;
			}, (rs) -> {
				existing.add(rs.getString(1));
			});
		}
		return existing;
	}

	/**
	 * Insert records unless any of them is stored already, in which case nothing of this
	 * attempt stays (rolled back to a savepoint in the current transaction).
	 * @return {@code true} when all were inserted
	 */
	boolean tryInsertAll(Long workspaceId, List<KeyedInput> records) {
		return this.inserts.behindSavepoint(() -> {
			try {
				insertRecords(workspaceId, records);
				return true;
			}
			catch (DuplicateKeyException ex) {
				return false;
			}
		});
	}

	/** Insert records. */
	void insertRecords(Long workspaceId, List<KeyedInput> records) {
		insertRows(this.jdbc, "usage_record (workspace_id, identity_id, source, dedupe_key, model, start_at, end_at, "
				+ "input_tokens, output_tokens, cache_read_tokens, cache_creation_tokens, reasoning_tokens, requests, "
				+ "cost_usd)", records, (statement, column, record) -> {
					UsageInput input = record.input();
					statement.setLong(column, workspaceId);
					statement.setLong(column + 1, record.identityId());
					statement.setString(column + 2, input.source());
					statement.setString(column + 3, record.key());
					statement.setString(column + 4, input.model());
					statement.setObject(column + 5, utc(input.start()));
					statement.setObject(column + 6, utc(input.end()));
					statement.setLong(column + 7, input.inputTokens());
					statement.setLong(column + 8, input.outputTokens());
					statement.setLong(column + 9, input.cacheReadInputTokens());
					statement.setLong(column + 10, input.cacheCreationInputTokens());
					statement.setLong(column + 11, input.reasoningTokens());
					statement.setLong(column + 12, input.requests());
					statement.setBigDecimal(column + 13, input.costUsd());
				});
	}

	/**
	 * Add folded batches' sums to the rollups: append-only, one row per identity, model
	 * and hour of each fold; queries add the rows up.
	 */
	void addToRollups(Long workspaceId, Map<RollupKey, TokenCounts> additions) {
		insertRows(this.jdbc, "usage_rollup (" + COUNTS + ", identity_id, model, bucket_start, workspace_id)",
				new ArrayList<>(additions.entrySet()), (statement, column, entry) -> {
					setCounts(statement, column, entry.getValue());
					statement.setLong(column + 8, entry.getKey().identityId());
					statement.setString(column + 9, entry.getKey().model());
					statement.setObject(column + 10, utc(entry.getKey().bucketStart()));
					statement.setLong(column + 11, workspaceId);
				});
	}

	/**
	 * Insert rows {@value #ROWS_PER_INSERT} per {@code INSERT} statement, in JDBC batches
	 * (a statement per row costs each row a statement's start and end in the database).
	 * Errors are translated as any {@link JdbcTemplate} call's: a unique key refusing a
	 * row is a {@link DuplicateKeyException}.
	 * @param jdbc where
	 * @param table the table and its column list, e.g. {@code t (a, b)}: a row binds one
	 * value per column
	 * @param rows the rows
	 * @param binder binds one row's values from a first parameter index on
	 */
	static <T> void insertRows(JdbcTemplate jdbc, String table, List<T> rows, RowBinder<T> binder) {
		if (rows.isEmpty()) {
			return;
		}
		int columns = table.substring(table.indexOf('(')).split(",").length;
		jdbc.execute((Connection connection) -> {
			int whole = rows.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
			if (whole > 0) {
				try (PreparedStatement statement = connection
					.prepareStatement(insertSql(table, columns, ROWS_PER_INSERT))) {
					for (int from = 0; from < whole; from += ROWS_PER_INSERT) {
						bind(statement, columns, rows.subList(from, from + ROWS_PER_INSERT), binder);
						statement.addBatch();
						if ((from / ROWS_PER_INSERT + 1) % STATEMENTS_PER_BATCH == 0) {
							statement.executeBatch();
						}
					}
					statement.executeBatch();
				}
			}
			if (whole < rows.size()) {
				try (PreparedStatement statement = connection
					.prepareStatement(insertSql(table, columns, rows.size() - whole))) {
					bind(statement, columns, rows.subList(whole, rows.size()), binder);
					statement.executeUpdate();
				}
			}
			return null;
		});
	}

	private static <T> void bind(PreparedStatement statement, int columns, List<T> rows, RowBinder<T> binder)
			throws SQLException {
		int column = 1;
		for (T row : rows) {
			binder.bind(statement, column, row);
			column += columns;
		}
	}

	private static String insertSql(String table, int columns, int rows) {
		String row = "(" + placeholders(columns) + ")";
		return "insert into " + table + " values " + String.join(", ", Collections.nCopies(rows, row));
	}

	/** Binds one row's values. */
	@FunctionalInterface
	interface RowBinder<T> {

		void bind(PreparedStatement statement, int firstColumn, T row) throws SQLException;

	}

	List<Grouped> memberByModel(Long memberId, TimeWindow window) {
		return this.jdbc.query(
				"select r.model, " + SUMS + " from usage_rollup r join usage_identity i "
						+ "on i.id = r.identity_id where i.member_id = ? and" + IN_WINDOW + "group by r.model",
				(rs, n) -> new Grouped(null, rs.getString(1), counts(rs, 2)), memberId, utc(window.start()),
				utc(window.end()));
	}

	List<Grouped> workspaceByIdentityAndModel(Long workspaceId, TimeWindow window) {
		return this.jdbc.query("select i.kind, i.identity_value, i.member_id, r.model, " + SUMS
				+ " from usage_identity i join usage_rollup r on r.identity_id = i.id where i.workspace_id = ? and"
				+ IN_WINDOW + "group by i.kind, i.identity_value, i.member_id, r.model",
				(rs, n) -> new Grouped(owner(rs), rs.getString(4), counts(rs, 5)), workspaceId, utc(window.start()),
				utc(window.end()));
	}

	List<Hourly> memberByHour(Long memberId, TimeWindow window) {
		return this.jdbc.query("select r.bucket_start, r.model, " + SUMS + " from usage_rollup r join usage_identity i "
				+ "on i.id = r.identity_id where i.member_id = ? and" + IN_WINDOW + "group by r.bucket_start, r.model",
				(rs, n) -> new Hourly(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
						counts(rs, 3)),
				memberId, utc(window.start()), utc(window.end()));
	}

	List<Hourly> workspaceByHour(Long workspaceId, TimeWindow window) {
		return this.jdbc.query(
				"select r.bucket_start, r.model, " + SUMS + " from usage_identity i join usage_rollup r "
						+ "on r.identity_id = i.id where i.workspace_id = ? and" + IN_WINDOW
						+ "group by r.bucket_start, r.model",
				(rs, n) -> new Hourly(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
						counts(rs, 3)),
				workspaceId, utc(window.start()), utc(window.end()));
	}

	List<Grouped> unmatched(Long workspaceId) {
		return this.jdbc.query("select i.kind, i.identity_value, i.member_id, '' model, " + SUMS
				+ " from usage_identity i join usage_rollup r on i.id = r.identity_id "
				+ "where i.workspace_id = ? and i.member_id is null group by i.kind, i.identity_value, i.member_id",
				(rs, n) -> new Grouped(owner(rs), "", counts(rs, 5)), workspaceId);
	}

	List<UsageIdentity> identitiesOf(Long memberId) {
		return this.jdbc.query("select kind, identity_value from usage_identity where member_id = ?",
				(rs, n) -> new UsageIdentity(UsageIdentity.Kind.valueOf(rs.getString(1)), rs.getString(2)), memberId);
	}

	/**
	 * The owners of identity rows.
	 * @param identityIds the rows' ids
	 * @return the owner by row id
	 */
	Map<Long, UsageOwner> owners(Collection<Long> identityIds) {
		Map<Long, UsageOwner> owners = new HashMap<>();
		List<Long> ids = new ArrayList<>(identityIds);
		for (int i = 0; i < ids.size(); i += IN_CHUNK) {
			List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + IN_CHUNK));
			this.jdbc.query("select kind, identity_value, member_id, id from usage_identity where id in ("
					+ placeholders(chunk.size()) + ")", (rs) -> {
						owners.put(rs.getLong(4), owner(rs));
					}, chunk.toArray());
		}
		return owners;
	}

	/**
	 * The identity rows matched to a person, with their workspace.
	 * @param memberId the person
	 * @return workspace id by identity row id
	 */
	Map<Long, Long> identityRowsOf(Long memberId) {
		Map<Long, Long> rows = new HashMap<>();
		this.jdbc.query("select id, workspace_id from usage_identity where member_id = ?", (rs) -> {
			rows.put(rs.getLong(1), rs.getLong(2));
		}, memberId);
		return rows;
	}

	long recordsOf(long identityId) {
		Long records = this.jdbc.queryForObject(
				"select coalesce(sum(records), 0) from usage_rollup where identity_id = ?", Long.class, identityId);
		return (records != null) ? records : 0;
	}

	static UsageOwner owner(ResultSet rs) throws SQLException {
		Long memberId = rs.getObject(3, Long.class);
		return (memberId != null) ? UsageOwner.member(memberId)
				: UsageOwner.unmatched(new UsageIdentity(UsageIdentity.Kind.valueOf(rs.getString(1)), rs.getString(2)));
	}

	static TokenCounts counts(ResultSet rs, int first) throws SQLException {
		BigDecimal cost = rs.getBigDecimal(first + 6);
		return new TokenCounts(count(rs, first), count(rs, first + 1), count(rs, first + 2), count(rs, first + 3),
				count(rs, first + 4), count(rs, first + 5), (cost != null) ? cost : BigDecimal.ZERO,
				count(rs, first + 7));
	}

	/**
	 * A counter column or a {@code sum} of one: a sum past a {@code long} (only many rows
	 * at the bounds add up to one) reads as {@link Long#MAX_VALUE} instead of failing the
	 * read.
	 */
	private static long count(ResultSet rs, int column) throws SQLException {
		try {
			return rs.getLong(column);
		}
		catch (SQLException ex) {
			BigDecimal value = rs.getBigDecimal(column);
			if (value == null) {
				throw ex;
			}
			return (value.signum() < 0) ? Long.MIN_VALUE : Long.MAX_VALUE;
		}
	}

	static void setCounts(PreparedStatement statement, int first, TokenCounts counts) throws SQLException {
		statement.setLong(first, counts.input());
		statement.setLong(first + 1, counts.output());
		statement.setLong(first + 2, counts.cacheRead());
		statement.setLong(first + 3, counts.cacheCreation());
		statement.setLong(first + 4, counts.reasoning());
		statement.setLong(first + 5, counts.requests());
		statement.setBigDecimal(first + 6, counts.costReported());
		statement.setLong(first + 7, counts.records());
	}

	/**
	 * The instant as a UTC date-time for JDBC. Not {@code instant.atOffset(UTC)}: on Java
	 * 17 that asks the offset for its rules, and each such call builds a new
	 * {@code ZoneRules} (two per record on the ingest path).
	 */
	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.of(
				LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC),
				ZoneOffset.UTC);
	}

	private static String placeholders(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

	private static List<List<String>> chunks(List<String> values, int size) {
		List<List<String>> chunks = new ArrayList<>();
		for (int i = 0; i < values.size(); i += size) {
			chunks.add(values.subList(i, Math.min(values.size(), i + size)));
		}
		return chunks;
	}

	/** An identity row: its id and the member it belongs to, if any. */
	record IdentityRow(long id, Long memberId) {

	}

	/** A record on its way in, with its dedupe key and identity row. */
	record KeyedInput(UsageInput input, String key, long identityId) {

	}

	/** The key of an hourly rollup row. */
	record RollupKey(long identityId, String model, Instant bucketStart) {

	}

	/** Sums for one owner (or none) and model. */
	record Grouped(UsageOwner owner, String model, TokenCounts counts) {

	}

	/** Sums for one hour and model. */
	record Hourly(Instant bucketStart, String model, TokenCounts counts) {

	}

	List<SourceActivity> sources(Long workspaceId) {
		return this.jdbc.query(
				"select source, max(end_at) newest, count(*) records from usage_record where workspace_id = ? "
						+ "group by source order by newest desc",
				(rs, row) -> new SourceActivity(rs.getString("source"),
						rs.getObject("newest", java.time.OffsetDateTime.class).toInstant(), rs.getLong("records")),
				workspaceId);
	}

}
