package dev.legends.usage;

import java.time.Instant;

/**
 * A pending rollup row that could not be added to the totals and was set aside.
 *
 * @param id the row's id (as logged when it was quarantined)
 * @param quarantinedAt when it was set aside
 * @param reason why it could not be folded
 */
public record QuarantinedRollup(long id, Instant quarantinedAt, String reason) {

}
