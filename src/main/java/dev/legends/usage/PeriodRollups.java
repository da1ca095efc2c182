package dev.legends.usage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.legends.usage.UsageStore.Grouped;
import dev.legends.usage.UsageStore.RollupKey;
import dev.legends.workspace.TimeWindow;
import dev.legends.workspace.WorkspaceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Usage per identity and model in each ISO week, calendar month and quarter of the
 * workspace timezone, added to as usage is stored, so that a period board reads one row
 * per identity and model however many records the period holds.
 *
 * <p>
 * A record belongs to the period its hourly bucket starts in, exactly as the hourly
 * rollups count it. The rows are cut in {@code LEGENDS_TIMEZONE}, recorded in the
 * database by the first instance ({@code usage_period_zone}); an instance started with
 * another timezone refuses to start unless told to rebuild them for it
 * ({@code legends.rebuild-periods-for-timezone}, see {@link PeriodZone}), and an instance
 * that finds them rebuilt for another timezone while it runs stops adding to them.
 */
@Repository
class PeriodRollups implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(PeriodRollups.class);

	private static final int BATCH = 1000;

	private static final int REBUILD_CHUNK = 500;

	/** The most periods a window is read from; a longer one sums the hourly rollups. */
	static final int MAX_SLOTS = 16;

	private static final List<Kind> LARGEST_FIRST = List.of(Kind.QUARTER, Kind.MONTH, Kind.WEEK);

	private final JdbcTemplate jdbc;

	private final ZoneId zone;

	private final PeriodZone periodZone;

	private volatile boolean current;

	PeriodRollups(JdbcTemplate jdbc, WorkspaceProperties workspace, PeriodZone periodZone) {
		this.jdbc = jdbc;
		this.zone = workspace.timezone();
		this.periodZone = periodZone;
	}

	/**
	 * The periods a window is made of exactly (whole ISO weeks, months or quarters of the
	 * workspace timezone, one after the other, at most {@value #MAX_SLOTS}; the largest
	 * that fits first), if any, and only while the rows are cut in that timezone: a
	 * quarter reads one period, the trailing four weeks read four.
	 * @param window the window
	 * @return its periods in order, or empty when the window is not made of whole periods
	 */
	Optional<List<Slot>> slotsOf(TimeWindow window) {
		if (!this.current) {
			return Optional.empty();
		}
		LocalDate day = window.start().atZone(this.zone).toLocalDate();
		if (!startOf(day).equals(window.start())) {
			return Optional.empty();
		}
		List<Slot> slots = new ArrayList<>();
		while (startOf(day).isBefore(window.end())) {
			Slot slot = largestAt(day, window.end());
			if (slot == null || slots.size() == MAX_SLOTS) {
				return Optional.empty();
			}
			slots.add(slot);
			day = slot.kind().next(day);
		}
		return (!slots.isEmpty() && startOf(day).equals(window.end())) ? Optional.of(slots) : Optional.empty();
	}

	private Slot largestAt(LocalDate day, Instant end) {
		for (Kind kind : LARGEST_FIRST) {
			if (kind.start(day).equals(day) && !startOf(kind.next(day)).isAfter(end)) {
				return new Slot(kind, day);
			}
		}
		return null;
	}

	/**
	 * Add the hourly sums of a batch to the periods their hours fall in.
	 * @param workspaceId the workspace
	 * @param hourly sums per identity, model and hour
	 */
	void add(Long workspaceId, Map<RollupKey, TokenCounts> hourly) {
		if (!this.periodZone.stillCutIn(this.zone)) {
			this.current = false;
			throw new IllegalStateException("Usage period totals were rebuilt for another timezone than this "
					+ "instance's LEGENDS_TIMEZONE " + this.zone + ": restart it with the new LEGENDS_TIMEZONE");
		}
		addInZone(workspaceId, hourly);
	}

	private void addInZone(Long workspaceId, Map<RollupKey, TokenCounts> hourly) {
		Map<Key, TokenCounts> periods = new HashMap<>();
		hourly.forEach((key, counts) -> {
			LocalDate day = key.bucketStart().atZone(this.zone).toLocalDate();
			for (Kind kind : Kind.values()) {
				periods.merge(new Key(key.identityId(), key.model(), kind, kind.start(day)), counts, TokenCounts::plus);
			}
		});
		write(workspaceId, periods);
	}

	/**
	 * Every identity's usage per model in periods of a workspace, added up.
	 * @param workspaceId the workspace
	 * @param slots the periods
	 * @return one row per identity and model with usage in the periods
	 */
	List<Grouped> workspace(Long workspaceId, List<Slot> slots) {
		// Owners come from one read of the workspace's identities instead of a join, so
		// that each row costs its numbers only (and the same owner object serves all of
		// an identity's rows).
		Map<Long, UsageOwner> owners = new HashMap<>();
		this.jdbc.query("select id, kind, identity_value, member_id from usage_identity where workspace_id = ?",
				(ResultSet rs) -> {
					Long memberId = rs.getObject(4, Long.class);
					owners.put(rs.getLong(1), (memberId != null) ? UsageOwner.member(memberId) : UsageOwner
						.unmatched(new UsageIdentity(UsageIdentity.Kind.valueOf(rs.getString(2)), rs.getString(3))));
				}, workspaceId);
		Map<IdentityModel, Grouped> rows = new LinkedHashMap<>();
		for (Slot slot : slots) {
			this.jdbc.query("select identity_id, model, " + UsageStore.COUNTS + " from usage_period_rollup "
					+ "where workspace_id = ? and period_kind = ? and period_start = ?", (ResultSet rs) -> {
						long identityId = rs.getLong(1);
						UsageOwner owner = owners.get(identityId);
						if (owner != null) {
							add(rows, new IdentityModel(identityId, rs.getString(2)),
									new Grouped(owner, rs.getString(2), UsageStore.counts(rs, 3)));
						}
					}, workspaceId, slot.kind().name(), slot.start());
		}
		return new ArrayList<>(rows.values());
	}

	/**
	 * A person's usage per model in periods, over every identity matched to them, added
	 * up.
	 * @param memberId the person
	 * @param slots the periods
	 * @return one row per model
	 */
	List<Grouped> member(Long memberId, List<Slot> slots) {
		Map<String, Grouped> rows = new LinkedHashMap<>();
		for (Slot slot : slots) {
			this.jdbc.query(
					"select r.model, " + UsageStore.SUMS + " from usage_identity i join usage_period_rollup r "
							+ "on r.workspace_id = i.workspace_id and r.period_kind = ? and r.period_start = ? "
							+ "and r.identity_id = i.id where i.member_id = ? group by r.model",
					(ResultSet rs) -> add(rows, rs.getString(1),
							new Grouped(null, rs.getString(1), UsageStore.counts(rs, 2))),
					slot.kind().name(), slot.start(), memberId);
		}
		return new ArrayList<>(rows.values());
	}

	private static <K> void add(Map<K, Grouped> rows, K key, Grouped row) {
		rows.merge(key, row, (a, b) -> new Grouped(a.owner(), a.model(), a.counts().plus(b.counts())));
	}

	/**
	 * Make sure the rows are cut in the configured timezone before requests are served:
	 * build them on a new database, rebuild them from the hourly rollups when told to,
	 * refuse to start when they were cut in another timezone.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		this.periodZone.prepare(this.zone, this::rebuild);
		this.current = true;
	}

	private int rebuild() {
		this.jdbc.update("delete from usage_period_rollup");
		List<Long> identities = this.jdbc.queryForList("select id from usage_identity order by id", Long.class);
		for (int i = 0; i < identities.size(); i += REBUILD_CHUNK) {
			List<Long> chunk = identities.subList(i, Math.min(identities.size(), i + REBUILD_CHUNK));
			Map<Long, Map<RollupKey, TokenCounts>> byWorkspace = new HashMap<>();
			this.jdbc.query("select workspace_id, identity_id, model, bucket_start, " + UsageStore.COUNTS
					+ " from usage_rollup where identity_id between ? and ?", (ResultSet rs) -> {
						RollupKey key = new RollupKey(rs.getLong(2), rs.getString(3),
								rs.getObject(4, java.time.OffsetDateTime.class).toInstant());
						byWorkspace.computeIfAbsent(rs.getLong(1), (id) -> new HashMap<>())
							.merge(key, UsageStore.counts(rs, 5), TokenCounts::plus);
					}, chunk.get(0), chunk.get(chunk.size() - 1));
			byWorkspace.forEach(this::addInZone);
		}
		Integer rows = this.jdbc.queryForObject("select count(*) from usage_period_rollup", Integer.class);
		return (rows != null) ? rows : 0;
	}

	/**
	 * Add to existing rows first; insert the rows that did not exist yet. In key order,
	 * so that concurrent batches lock rows in the same order; two batches inserting the
	 * same new row meet the primary key, and the ledger retries the losing batch.
	 */
	private void write(Long workspaceId, Map<Key, TokenCounts> periods) {
		List<Map.Entry<Key, TokenCounts>> entries = new ArrayList<>(periods.entrySet());
		entries.sort(Map.Entry.comparingByKey(Key.ORDER));
		int[][] updated = this.jdbc.batchUpdate("update usage_period_rollup set input_tokens = input_tokens + ?, "
				+ "output_tokens = output_tokens + ?, cache_read_tokens = cache_read_tokens + ?, "
				+ "cache_creation_tokens = cache_creation_tokens + ?, reasoning_tokens = reasoning_tokens + ?, "
				+ "requests = requests + ?, cost_usd_reported = cost_usd_reported + ?, records = records + ? "
				+ "where workspace_id = ? and period_kind = ? and period_start = ? and identity_id = ? and model = ?",
				entries, BATCH, (statement, entry) -> {
					UsageStore.setCounts(statement, 1, entry.getValue());
					setKey(statement, 9, workspaceId, entry.getKey());
				});
		List<Map.Entry<Key, TokenCounts>> fresh = new ArrayList<>();
		int index = 0;
		for (int[] batch : updated) {
			for (int count : batch) {
				if (count == 0) {
					fresh.add(entries.get(index));
				}
				index++;
			}
		}
		UsageStore.insertRows(this.jdbc,
				"usage_period_rollup (" + UsageStore.COUNTS
						+ ", workspace_id, period_kind, period_start, identity_id, model)",
				fresh, (statement, column, entry) -> {
					UsageStore.setCounts(statement, column, entry.getValue());
					setKey(statement, column + 8, workspaceId, entry.getKey());
				});
	}

	private static void setKey(java.sql.PreparedStatement statement, int first, Long workspaceId, Key key)
			throws SQLException {
		statement.setLong(first, workspaceId);
		statement.setString(first + 1, key.kind().name());
		statement.setObject(first + 2, key.start());
		statement.setLong(first + 3, key.identityId());
		statement.setString(first + 4, key.model());
	}

	private Instant startOf(LocalDate day) {
		return day.atStartOfDay(this.zone).toInstant();
	}

	/** The kinds of period kept. */
	enum Kind {

		WEEK {
			@Override
			LocalDate start(LocalDate day) {
				return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			}

			@Override
			LocalDate next(LocalDate start) {
				return start.plusWeeks(1);
			}
		},

		MONTH {
			@Override
			LocalDate start(LocalDate day) {
				return day.withDayOfMonth(1);
			}

			@Override
			LocalDate next(LocalDate start) {
				return start.plusMonths(1);
			}
		},

		QUARTER {
			@Override
			LocalDate start(LocalDate day) {
				return day.with(IsoFields.DAY_OF_QUARTER, 1);
			}

			@Override
			LocalDate next(LocalDate start) {
				return start.plusMonths(3);
			}
		};

		abstract LocalDate start(LocalDate day);

		abstract LocalDate next(LocalDate start);

	}

	/** A period: its kind and first day. */
	record Slot(Kind kind, LocalDate start) {

	}

	private record IdentityModel(long identityId, String model) {

	}

	/** The key of a period row within a workspace. */
	record Key(long identityId, String model, Kind kind, LocalDate start) {

		static final Comparator<Key> ORDER = Comparator.comparing(Key::kind)
			.thenComparing(Key::start)
			.thenComparingLong(Key::identityId)
			.thenComparing(Key::model);

	}

}
