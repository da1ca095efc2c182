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
 * @param claimLease how long a claim protects a delivery without being renewed: an
 * instance renews its claims every third of it while it works on them, and another
 * instance takes over a claim whose lease ran out (a dead instance's digests are taken
 * over within about the lease and a third)
 * @param maxAttempts how many times a delivery is tried before it is given up
 * @param nudgeDay the weekday of the weekly nudge, in each person's timezone
 * @param nudgeTime the local time of the weekly nudge
 * @param nudgeCheck how often the nudge job looks for people whose nudge time passed (a
 * Quartz cron expression)
 * @param nudges whether weekly nudges are sent at all
 * @param shutdownGrace how long a stopping instance lets the digests it is posting finish
 * before it releases their claims to the other instances
 */
@ConfigurationProperties("legends.digest")
public record DigestProperties(@DefaultValue("PT6H") Duration misfireGrace, @DefaultValue("PT10M") Duration retryAfter,
		@DefaultValue("PT30S") Duration claimLease, @DefaultValue("3") int maxAttempts,
		@DefaultValue("FRIDAY") DayOfWeek nudgeDay, @DefaultValue("15:00") LocalTime nudgeTime,
		@DefaultValue("0 0/15 * * * ?") String nudgeCheck, @DefaultValue("true") boolean nudges,
		@DefaultValue("PT30S") Duration shutdownGrace) {

}
