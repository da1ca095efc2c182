package dev.legends.digest;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a person chose for a channel's digest.
 *
 * @param teamId the team covered, or {@code null} for the channel's members
 * @param weekday the day it posts
 * @param time the local time it posts
 * @param zone the timezone of that time
 * @param sections the sections to include (at least one)
 * @param ownerMemberId who set it up (told when it fails)
 */
public record ScheduleSettings(Long teamId, DayOfWeek weekday, LocalTime time, ZoneId zone, Set<DigestSection> sections,
		Long ownerMemberId) {

	public ScheduleSettings {
		if (sections.isEmpty()) {
			throw new IllegalArgumentException("a digest needs at least one section");
		}
		sections = Set.copyOf(sections);
		time = time.withSecond(0).withNano(0);
	}

	/**
	 * The contract's default: Monday 09:00 in the given zone, every section.
	 * @param zone the timezone ({@code LEGENDS_TIMEZONE})
	 * @param ownerMemberId the owner
	 * @return the settings
	 */
	public static ScheduleSettings defaults(ZoneId zone, Long ownerMemberId) {
		return new ScheduleSettings(null, DayOfWeek.MONDAY, LocalTime.of(9, 0), zone,
				EnumSet.allOf(DigestSection.class), ownerMemberId);
	}

}
