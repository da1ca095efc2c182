package dev.legends.slack.home;

import java.time.Instant;

import dev.legends.workspace.Member;
import dev.legends.workspace.TimeWindow;

/**
 * Who is looking at App Home, and when.
 *
 * @param member the person
 * @param admin whether they are a Legends admin
 * @param manager whether they manage at least one team
 * @param week their current ISO week, in their timezone
 * @param now the moment the view is built
 */
public record HomeContext(Member member, boolean admin, boolean manager, TimeWindow week, Instant now) {

}
