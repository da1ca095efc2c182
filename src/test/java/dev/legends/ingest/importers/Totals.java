package dev.legends.ingest.importers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import dev.legends.usage.UsageInput;

/**
 * Sums of usage records per token class, to compare an import with a file's own
 * arithmetic.
 */
record Totals(long input, long output, long cacheRead, long cacheCreation, long reasoning, long requests,
		BigDecimal cost) {

	static Totals of(List<UsageInput> usage) {
		return new Totals(usage.stream().mapToLong(UsageInput::inputTokens).sum(),
				usage.stream().mapToLong(UsageInput::outputTokens).sum(),
				usage.stream().mapToLong(UsageInput::cacheReadInputTokens).sum(),
				usage.stream().mapToLong(UsageInput::cacheCreationInputTokens).sum(),
				usage.stream().mapToLong(UsageInput::reasoningTokens).sum(),
				usage.stream().mapToLong(UsageInput::requests).sum(),
				usage.stream()
					.map(UsageInput::costUsd)
					.filter(Objects::nonNull)
					.reduce(BigDecimal.ZERO, BigDecimal::add)
					.stripTrailingZeros());
	}

	static InputStream resource(String name) {
		InputStream in = Totals.class.getResourceAsStream("/importers/" + name);
		if (in == null) {
			throw new UncheckedIOException(new IOException("no test resource " + name));
		}
		return in;
	}

	static InputStream text(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
