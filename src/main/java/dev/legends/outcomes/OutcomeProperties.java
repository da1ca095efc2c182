package dev.legends.outcomes;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Points and anti-gaming settings for outcomes ({@code legends.outcomes.*}).
 *
 * @param small points of a small outcome
 * @param medium points of a medium outcome
 * @param large points of a large outcome
 * @param confirmedRate the share of its points a confirmed outcome earns
 * @param pendingRate the share of its points an unconfirmed outcome earns
 * @param dailyPendingCap the most points one person's unconfirmed reports of one day can
 * earn (at the pending rate, before sharing with collaborators)
 * @param confirmerWeeklyLimit how many of the same person's outcomes one confirmer who is
 * not their manager may confirm in an ISO week
 * @param maxDaysBack how far back an outcome's date may lie
 * @param maxCollaborators how many collaborators an outcome may name
 */
@ConfigurationProperties("legends.outcomes")
public record OutcomeProperties(@DefaultValue("1") int small, @DefaultValue("3") int medium,
		@DefaultValue("8") int large, @DefaultValue("1.0") double confirmedRate,
		@DefaultValue("0.5") double pendingRate, @DefaultValue("6") double dailyPendingCap,
		@DefaultValue("5") int confirmerWeeklyLimit, @DefaultValue("90") int maxDaysBack,
		@DefaultValue("10") int maxCollaborators) {

	/**
	 * The defaults, for tests and tools without Spring.
	 * @return the default settings
	 */
	public static OutcomeProperties defaults() {
		return new OutcomeProperties(1, 3, 8, 1.0, 0.5, 6, 5, 90, 10);
	}

}
