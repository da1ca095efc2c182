package dev.legends.scoring;

/**
 * A coaching note for one person was claimed for a week and should be sent to them alone,
 * by DM.
 *
 * @param workspaceId the workspace
 * @param memberId the person
 * @param slackUserId their Slack user id (the DM goes there)
 * @param period the week judged
 * @param flag what was seen, with its figures
 */
public record CoachingNoteDue(Long workspaceId, Long memberId, String slackUserId, Period period, CoachingFlag flag) {

}
