package dev.legends.digest;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Digest and nudge settings ({@code legends.digest.*}).
 *
 * @param misfireGrace how late a missed digest may still post (e.g. after downtime);
 * older ones are skipped
 * @param retryAfter how long an unfinished or transiently failed delivery waits before it
 * is reconciled and retried
 * @param claimLease how long another instance's claim protects a delivery it may still be
 * posting
 * @param maxAttempts how many times a delivery is tried before it is given up
 * @param nudgeDay the weekday of the weekly nudge, in each person's timezone
 * @param nudgeTime the local time of the weekly nudge
 * @param nudgeCheck how often the nudge job looks for people whose nudge time passed (a
 * Quartz cron expression)
 * @param nudges whether weekly nudges are sent at all
 */
@ConfigurationProperties("legends.digest")
public record DigestProperties(@DefaultValue("PT6H") Duration misfireGrace, @DefaultValue("PT10M") Duration retryAfter,
		@DefaultValue("PT2M") Duration claimLease, @DefaultValue("3") int maxAttempts,
		@DefaultValue("FRIDAY") DayOfWeek nudgeDay, @DefaultValue("15:00") LocalTime nudgeTime,
		@DefaultValue("0 0/15 * * * ?") String nudgeCheck, @DefaultValue("true") boolean nudges) {

}
