package dev.legends.workspace;

/**
 * A person opted out or back in, or went on or came back from vacation: shared boards and
 * digests must show or hide them from now on.
 *
 * @param workspaceId the workspace id
 * @param memberId the member id
 * @param listed whether they may appear on shared boards now
 */
public record MemberListingChanged(Long workspaceId, Long memberId, boolean listed) {

}
