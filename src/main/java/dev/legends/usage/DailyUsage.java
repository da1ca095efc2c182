package dev.legends.usage;

import java.time.LocalDate;

/**
 * Usage of one calendar day (in the zone asked for), a point of a per-day series.
 *
 * @param day the day
 * @param totals the totals of that day (empty on days without usage)
 */
public record DailyUsage(LocalDate day, UsageTotals totals) {

}
