package dev.legends.usage;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One usage record as it arrives (batch API, an importer or OTLP), before it is matched
 * to a person and priced. Token classes are kept apart; {@code inputTokens} is uncached
 * input only.
 *
 * @param id the source's unique id, or {@code null} (then a content hash dedupes)
 * @param user whose usage it is
 * @param source where it came from, e.g. {@code claude-code}, {@code openai}
 * @param model the model name as the source gave it
 * @param start the start of the time bucket
 * @param end the end of the time bucket ({@code >= start})
 * @param inputTokens uncached input tokens
 * @param outputTokens output tokens
 * @param cacheReadInputTokens input tokens read from cache
 * @param cacheCreationInputTokens input tokens written to cache
 * @param reasoningTokens reasoning tokens (informational, part of output at most
 * providers)
 * @param requests number of requests
 * @param costUsd the source's own cost figure, or {@code null}
 */
public record UsageInput(String id, UsageIdentity user, String source, String model, Instant start, Instant end,
		long inputTokens, long outputTokens, long cacheReadInputTokens, long cacheCreationInputTokens,
		long reasoningTokens, long requests, BigDecimal costUsd) {

}
