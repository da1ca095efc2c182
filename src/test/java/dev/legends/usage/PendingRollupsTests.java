package dev.legends.usage;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.legends.usage.UsageStore.RollupKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's hourly sums survive the pending store exactly, whatever the numbers, and
 * batches left pending by the previous payload format are still read after an upgrade.
 */
class PendingRollupsTests {

	private static final Instant HOUR = Instant.parse("2026-11-26T09:00:00Z");

	@Test
	void decodeWhenEncodedGivesBackEveryCounterAndCostExactly() {
		Map<RollupKey, TokenCounts> hourly = new LinkedHashMap<>();
		hourly.put(new RollupKey(1, "claude-sonnet-4-5", HOUR),
				new TokenCounts(1_000, 200, 40_000, 0, 0, 3, new BigDecimal("0.012345678901"), 2));
		hourly.put(new RollupKey(1, "gpt-4.1", HOUR.plusSeconds(3600)),
				new TokenCounts(Long.MAX_VALUE, 0, 0, 7, 9, 1, BigDecimal.ZERO, 1));
		hourly.put(new RollupKey(Long.MAX_VALUE, "claude-sonnet-4-5", Instant.parse("1969-12-31T23:00:00Z")),
				new TokenCounts(5, 6, 7, 8, 9, 10, new BigDecimal("123456789012345678901234567890.5"), 11));
		hourly.put(new RollupKey(42, "gemini-2.5-pro", HOUR),
				new TokenCounts(0, 0, 0, 0, 0, 0, new BigDecimal("1.5E+3"), 1));

		assertThat(PendingRollups.decode(PendingRollups.encode(hourly))).isEqualTo(hourly);
	}

	@Test
	void decodeWhenEncodedIsSmallerThanTheFirstFormat() throws IOException {
		Map<RollupKey, TokenCounts> hourly = new LinkedHashMap<>();
		for (int person = 0; person < 200; person++) {
			hourly.put(new RollupKey(person, "claude-sonnet-4-5", HOUR),
					new TokenCounts(4_500, 900, 40_000, 0, 0, 9, new BigDecimal("0.27"), 5));
		}

		assertThat(PendingRollups.encode(hourly).length * 2).isLessThan(formatOne(hourly).length);
	}

	@Test
	void decodeWhenWrittenInTheFirstFormatGivesBackTheSums() throws IOException {
		Map<RollupKey, TokenCounts> hourly = new LinkedHashMap<>();
		hourly.put(new RollupKey(3, "claude-opus-4-5", HOUR),
				new TokenCounts(10, 20, 30, 40, 50, 2, new BigDecimal("0.250000"), 2));
		hourly.put(new RollupKey(4, "gpt-4.1", HOUR), new TokenCounts(1, 2, 3, 4, 5, 6, BigDecimal.ZERO, 1));

		assertThat(PendingRollups.decode(formatOne(hourly))).isEqualTo(hourly);
	}

	/**
	 * The first payload format: fixed-size numbers, the model and the cost as text.
	 */
	private static byte[] formatOne(Map<RollupKey, TokenCounts> hourly) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeInt(1);
			out.writeInt(hourly.size());
			for (Map.Entry<RollupKey, TokenCounts> entry : hourly.entrySet()) {
				TokenCounts counts = entry.getValue();
				out.writeLong(entry.getKey().identityId());
				out.writeUTF(entry.getKey().model());
				out.writeLong(entry.getKey().bucketStart().getEpochSecond());
				for (long value : new long[] { counts.input(), counts.output(), counts.cacheRead(),
						counts.cacheCreation(), counts.reasoning(), counts.requests() }) {
					out.writeLong(value);
				}
				out.writeUTF(counts.costReported().toPlainString());
				out.writeLong(counts.records());
			}
		}
		return bytes.toByteArray();
	}

}
