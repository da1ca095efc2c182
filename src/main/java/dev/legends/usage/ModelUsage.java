package dev.legends.usage;

/**
 * Usage of one model in a period.
 *
 * @param model the model name as the sources gave it
 * @param totals the totals for that model
 */
public record ModelUsage(String model, UsageTotals totals) {

}
