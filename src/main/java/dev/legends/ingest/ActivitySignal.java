package dev.legends.ingest;

import java.time.LocalDate;

import dev.legends.usage.UsageIdentity;

/**
 * One person's Claude Code activity on one day, as a source reported it. These are
 * signals of activity, never outcomes.
 *
 * @param user whose activity it is
 * @param day the day (UTC)
 * @param sessions sessions started
 * @param linesAdded lines of code added
 * @param linesRemoved lines of code removed
 * @param commits commits made by Claude Code
 * @param pullRequests pull requests opened by Claude Code
 */
public record ActivitySignal(UsageIdentity user, LocalDate day, long sessions, long linesAdded, long linesRemoved,
		long commits, long pullRequests) {

	/**
	 * This signal plus another one of the same person and day.
	 * @param other the other signal
	 * @return the sum
	 */
	public ActivitySignal plus(ActivitySignal other) {
		return new ActivitySignal(this.user, this.day, this.sessions + other.sessions,
				this.linesAdded + other.linesAdded, this.linesRemoved + other.linesRemoved,
				this.commits + other.commits, this.pullRequests + other.pullRequests);
	}

}
