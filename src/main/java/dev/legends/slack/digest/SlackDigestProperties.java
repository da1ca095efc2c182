package dev.legends.slack.digest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Posting settings for digests ({@code legends.slack.digest.*}).
 *
 * @param channelInterval the least time between two posts to one channel (Slack allows
 * about one message per second per channel), counted from Slack's answer to the last post
 * @param postThreads threads that make the posting calls (they wait on Slack's answers)
 */
@ConfigurationProperties("legends.slack.digest")
record SlackDigestProperties(@DefaultValue("PT1S") Duration channelInterval, @DefaultValue("16") int postThreads) {

}
