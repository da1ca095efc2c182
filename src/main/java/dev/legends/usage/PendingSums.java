package dev.legends.usage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongPredicate;

import dev.legends.usage.PendingRollups.Batch;
import dev.legends.usage.UsageStore.Grouped;
import dev.legends.usage.UsageStore.Hourly;
import dev.legends.usage.UsageStore.RollupKey;
import dev.legends.workspace.TimeWindow;

import org.springframework.stereotype.Component;

/**
 * The sums of committed batches the folder has not added to the rollups yet, in the
 * shapes the rollup reads answer, so that a read adds them itself instead of waiting for
 * the folder (and a read sees every committed batch).
 */
@Component
class PendingSums {

	private final PendingRollups pending;

	private final UsageStore store;

	PendingSums(PendingRollups pending, UsageStore store) {
		this.pending = pending;
		this.store = store;
	}

	/**
	 * A workspace's pending sums per owner and model.
	 * @param workspaceId the workspace
	 * @param window the hours to count, or {@code null} for all
	 * @return the sums
	 */
	List<Grouped> byOwnerAndModel(Long workspaceId, TimeWindow window) {
		Map<RollupKey, TokenCounts> sums = sums(workspaceId, window, (id) -> true);
		if (sums.isEmpty()) {
			return List.of();
		}
		Map<Long, UsageOwner> owners = this.store
			.owners(sums.keySet().stream().map(RollupKey::identityId).collect(java.util.stream.Collectors.toSet()));
		List<Grouped> rows = new ArrayList<>();
		sums.forEach((key, counts) -> {
			UsageOwner owner = owners.get(key.identityId());
			if (owner != null) {
				rows.add(new Grouped(owner, key.model(), counts));
			}
		});
		return rows;
	}

	/**
	 * A person's pending sums per model, over every identity matched to them.
	 * @param memberId the person
	 * @param window the hours to count
	 * @return the sums (owner {@code null})
	 */
	List<Grouped> memberByModel(Long memberId, TimeWindow window) {
		List<Grouped> rows = new ArrayList<>();
		memberSums(memberId, window).forEach((key, counts) -> rows.add(new Grouped(null, key.model(), counts)));
		return rows;
	}

	/**
	 * A person's pending sums per hour and model.
	 * @param memberId the person
	 * @param window the hours to count
	 * @return the sums
	 */
	List<Hourly> memberByHour(Long memberId, TimeWindow window) {
		return hourly(memberSums(memberId, window));
	}

	/**
	 * A workspace's pending sums per hour and model.
	 * @param workspaceId the workspace
	 * @param window the hours to count
	 * @return the sums
	 */
	List<Hourly> workspaceByHour(Long workspaceId, TimeWindow window) {
		return hourly(sums(workspaceId, window, (id) -> true));
	}

	/**
	 * The pending records of one identity row.
	 * @param workspaceId its workspace
	 * @param identityId the row
	 * @return how many records
	 */
	long recordsOf(Long workspaceId, long identityId) {
		return sums(workspaceId, null, (id) -> id == identityId).values()
			.stream()
			.mapToLong(TokenCounts::records)
			.sum();
	}

	/**
	 * Rows from the rollups and pending rows for the same owners and models, added up per
	 * owner and model (first seen first).
	 * @param rollups rows read from the rollups
	 * @param pending pending rows
	 * @return one row per owner and model
	 */
	static List<Grouped> merge(List<Grouped> rollups, List<Grouped> pending) {
		return add(rollups, pending, (row) -> new OwnerModel(row.owner(), row.model()), Grouped::counts,
				(row, counts) -> new Grouped(row.owner(), row.model(), counts));
	}

	/**
	 * Hourly rows from the rollups and pending hourly rows, added up per hour and model.
	 * @param rollups rows read from the rollups
	 * @param pending pending rows
	 * @return one row per hour and model
	 */
	static List<Hourly> mergeHourly(List<Hourly> rollups, List<Hourly> pending) {
		return add(rollups, pending, (row) -> new HourModel(row.bucketStart(), row.model()), Hourly::counts,
				(row, counts) -> new Hourly(row.bucketStart(), row.model(), counts));
	}

	private static <T> List<T> add(List<T> rollups, List<T> pending, Function<T, Object> key,
			Function<T, TokenCounts> counts, java.util.function.BiFunction<T, TokenCounts, T> with) {
		if (pending.isEmpty()) {
			return rollups;
		}
		Map<Object, T> rows = new LinkedHashMap<>();
		for (List<T> list : List.of(rollups, pending)) {
			for (T row : list) {
				rows.merge(key.apply(row), row, (a, b) -> with.apply(a, counts.apply(a).plus(counts.apply(b))));
			}
		}
		return new ArrayList<>(rows.values());
	}

	private Map<RollupKey, TokenCounts> memberSums(Long memberId, TimeWindow window) {
		Map<Long, Long> rows = this.store.identityRowsOf(memberId);
		Map<RollupKey, TokenCounts> sums = new HashMap<>();
		Set<Long> identities = rows.keySet();
		rows.values()
			.stream()
			.distinct()
			.forEach((workspaceId) -> sums.putAll(sums(workspaceId, window, identities::contains)));
		return sums;
	}

	private Map<RollupKey, TokenCounts> sums(Long workspaceId, TimeWindow window, LongPredicate identities) {
		Map<RollupKey, TokenCounts> sums = new HashMap<>();
		for (Batch batch : this.pending.ofWorkspace(workspaceId)) {
			batch.hourly().forEach((key, counts) -> {
				if (identities.test(key.identityId()) && (window == null || inWindow(key, window))) {
					sums.merge(key, counts, TokenCounts::plus);
				}
			});
		}
		return sums;
	}

	private static boolean inWindow(RollupKey key, TimeWindow window) {
		return !key.bucketStart().isBefore(window.start()) && key.bucketStart().isBefore(window.end());
	}

	private static List<Hourly> hourly(Map<RollupKey, TokenCounts> sums) {
		Map<HourModel, TokenCounts> byHour = new LinkedHashMap<>();
		sums.forEach((key, counts) -> byHour.merge(new HourModel(key.bucketStart(), key.model()), counts,
				TokenCounts::plus));
		List<Hourly> rows = new ArrayList<>();
		byHour.forEach((key, counts) -> rows.add(new Hourly(key.hour(), key.model(), counts)));
		return rows;
	}

	private record OwnerModel(UsageOwner owner, String model) {

	}

	private record HourModel(java.time.Instant hour, String model) {

	}

}
