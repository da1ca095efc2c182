package dev.legends.ingest;

import java.time.Instant;

/**
 * An active ingest key as admins see it (never the key itself).
 *
 * @param name the key's name
 * @param createdBy the Slack user id of the admin who created it
 * @param createdAt when it was created
 * @param lastUsedAt when it last authenticated a request (to the minute), or {@code null}
 */
public record IngestKeyInfo(String name, String createdBy, Instant createdAt, Instant lastUsedAt) {

}
