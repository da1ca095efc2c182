package dev.legends.scoring;

/**
 * What efficiency shrinks toward: a group's points per dollar {@code r}, weighted as if
 * {@code C0} dollars of it were added to every person's record.
 *
 * @param pointsPerDollar the group's rate {@code r}
 * @param weightUsd the prior weight {@code C0} in dollars
 * @param source where the figures come from, for explanations
 */
public record Prior(double pointsPerDollar, double weightUsd, String source) {

}
