package dev.legends.usage;

import java.time.Instant;

/**
 * How recent the usage of one source is, for ingest health.
 *
 * @param source the source, e.g. {@code claude-code}
 * @param newestUsage the end of the newest usage stored from it
 * @param records how many records it delivered
 */
public record SourceActivity(String source, Instant newestUsage, long records) {

}
