package dev.legends.teams;

/**
 * Published after a manager set new goals for a team.
 *
 * @param teamId the team
 * @param goal the goal as stored
 */
public record GoalsChanged(Long teamId, TeamGoal goal) {

}
