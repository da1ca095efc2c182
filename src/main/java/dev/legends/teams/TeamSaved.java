package dev.legends.teams;

/**
 * Published after a team was created or changed.
 *
 * @param teamId the team
 * @param changedBy the member who changed it, or {@code null} for a sync
 */
public record TeamSaved(Long teamId, Long changedBy) {

}
