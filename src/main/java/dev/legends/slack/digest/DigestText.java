package dev.legends.slack.digest;

import java.time.format.TextStyle;
import java.util.Locale;

import dev.legends.digest.DigestSchedule;

/**
 * How a schedule's timing reads in replies.
 */
final class DigestText {

	private DigestText() {
	}

	static String when(DigestSchedule schedule) {
		return schedule.getWeekday().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s at " + schedule.getTime()
				+ " (" + schedule.getZoneId().getId() + ")";
	}

}
