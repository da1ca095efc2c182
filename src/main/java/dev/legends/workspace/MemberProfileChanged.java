package dev.legends.workspace;

/**
 * A member was seen for the first time or their email changed, so data kept under their
 * email or Slack id (e.g. unmatched usage) can be attached to them.
 *
 * @param workspaceId the workspace id
 * @param memberId the member id
 * @param slackUserId the Slack user id
 * @param email the email now known, or {@code null}
 */
public record MemberProfileChanged(Long workspaceId, Long memberId, String slackUserId, String email) {

}
