package dev.legends.outcomes;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An edited copy of a {@link BucketMap} holds what a copied {@link HashMap} with the same
 * edits would, and the map it was copied from does not change.
 */
class BucketMapTests {

	@Test
	void editedCopiesHoldWhatAHashMapWouldAndLeaveTheOriginalAsItWas() {
		Random random = new Random(7);
		Map<Long, String> expected = new HashMap<>();
		BucketMap<String> map = BucketMap.empty();
		for (int round = 0; round < 50; round++) {
			Map<Long, String> before = new HashMap<>(expected);
			BucketMap<String> original = map;
			BucketMap.Edit<String> edit = map.edit();
			for (int change = 0; change < 1 + random.nextInt(40); change++) {
				long id = random.nextInt(500);
				if (random.nextInt(4) == 0) {
					edit.remove(id);
					expected.remove(id);
				}
				else {
					edit.put(id, "v" + round + "/" + change);
					expected.put(id, "v" + round + "/" + change);
				}
			}
			map = edit.done();
			assertThat(map).isEqualTo(expected).hasSize(expected.size());
			assertThat(original).as("the map edited").isEqualTo(before).hasSize(before.size());
		}
		Map<Long, String> visited = new HashMap<>();
		map.forEach(visited::put);
		assertThat(visited).isEqualTo(expected);
		assertThat(map.getOrDefault(-1L, "none")).isEqualTo("none");
		assertThat(map.get("not an id")).isNull();
		assertThat(BucketMap.of(expected)).isEqualTo(expected);
	}

}
