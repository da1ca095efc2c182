package dev.legends.usage;

/**
 * One person's (or unmatched identity's) usage in a period.
 *
 * @param owner whose usage
 * @param totals the totals
 */
public record OwnerUsage(UsageOwner owner, UsageTotals totals) {

}
