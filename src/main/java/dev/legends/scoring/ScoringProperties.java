package dev.legends.scoring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scoring settings ({@code legends.scoring.*}).
 *
 * @param topN how many rows a board shows before the viewer's own position
 * @param minConfirmedOutcomes confirmed outcomes needed to be ranked on efficiency
 * @param minCostUsd estimated cost needed to be ranked on efficiency (minimum volume)
 * @param priorWeightUsd the prior weight {@code C0} in dollars; unset means the group's
 * median cost per person
 * @param minTeamSizeInChannels smallest team whose figures may be shown in a channel
 * @param cacheTtl how long computed standings are reused
 * @param coaching coaching flag thresholds
 */
@ConfigurationProperties("legends.scoring")
public record ScoringProperties(@DefaultValue("10") int topN, @DefaultValue("1") int minConfirmedOutcomes,
		@DefaultValue("5.0") double minCostUsd, Double priorWeightUsd, @DefaultValue("5") int minTeamSizeInChannels,
		@DefaultValue("30s") Duration cacheTtl, @DefaultValue Coaching coaching) {

	/**
	 * The defaults, for code and tests outside Spring.
	 * @return the default settings
	 */
	public static ScoringProperties defaults() {
		return new ScoringProperties(10, 1, 5.0, null, 5, Duration.ofSeconds(30), Coaching.defaults());
	}

	/**
	 * The efficiency ranking rules.
	 * @return the rules
	 */
	public Board.Rules rules() {
		return new Board.Rules(this.minConfirmedOutcomes, this.minCostUsd);
	}

	/**
	 * Coaching flag thresholds.
	 *
	 * @param enabled whether the weekly job sends flags
	 * @param spendMultiple a week's spend at least this many times the trailing four-week
	 * median (with outcomes not up) raises a spend flag
	 * @param heavyUsageUsd weekly estimated cost that counts as heavy usage
	 */
	public record Coaching(@DefaultValue("true") boolean enabled, @DefaultValue("3.0") double spendMultiple,
			@DefaultValue("20.0") double heavyUsageUsd) {

		/**
		 * The default thresholds.
		 * @return the defaults
		 */
		public static Coaching defaults() {
			return new Coaching(true, 3.0, 20.0);
		}

	}

}
