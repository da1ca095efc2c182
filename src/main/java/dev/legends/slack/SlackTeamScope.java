package dev.legends.slack;

import java.util.Optional;

/**
 * The workspace a piece of work is done for, so that Web API calls made through the
 * shared {@code MethodsClient} carry that workspace's token. Open it with
 * try-with-resources around the calls; scopes nest.
 */
public final class SlackTeamScope implements AutoCloseable {

	private static final ThreadLocal<SlackTeamScope> CURRENT = new ThreadLocal<>();

	private final String teamKey;

	private final Long workspaceId;

	private final boolean orgWide;

	private final SlackTeamScope previous;

	private SlackTeamScope(String teamKey, Long workspaceId, boolean orgWide) {
		this.teamKey = teamKey;
		this.workspaceId = workspaceId;
		this.orgWide = orgWide;
		this.previous = CURRENT.get();
		CURRENT.set(this);
	}

	/**
	 * Work for the workspace with this Slack team id (or the org with this enterprise
	 * id).
	 * @param teamId the Slack team id a request or record carries
	 * @return the open scope
	 */
	public static SlackTeamScope team(String teamId) {
		return new SlackTeamScope(teamId, null, false);
	}

	/**
	 * Work for the workspace with this Legends id.
	 * @param workspaceId the workspace id
	 * @return the open scope
	 */
	public static SlackTeamScope workspace(long workspaceId) {
		return new SlackTeamScope(null, workspaceId, false);
	}

	/**
	 * Work for a Slack request served by an installation: when it is an org-wide install,
	 * every team id the request carries belongs to the org's one workspace.
	 * @param installKey the installation's key (the org's enterprise id for an org-wide
	 * install, else the team id)
	 * @param orgWide whether it is an org-wide install
	 * @return the open scope
	 */
	public static SlackTeamScope request(String installKey, boolean orgWide) {
		return new SlackTeamScope(installKey, null, orgWide);
	}

	/**
	 * A task that runs, on whichever thread, in the scope open here and now (none if none
	 * is open): background work started by a request keeps the request's installation.
	 * @param task the task
	 * @return the task, carrying this thread's scope
	 */
	public static Runnable carried(Runnable task) {
		SlackTeamScope scope = CURRENT.get();
		if (scope == null) {
			return task;
		}
		return () -> {
			try (SlackTeamScope carried = new SlackTeamScope(scope.teamKey, scope.workspaceId, scope.orgWide)) {
				task.run();
			}
		};
	}

	/**
	 * The innermost open scope of this thread.
	 * @return the scope, if any
	 */
	public static Optional<SlackTeamScope> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	/**
	 * The Slack team (or enterprise) id of this scope, if it was opened with one.
	 * @return the id or {@code null}
	 */
	public String teamKey() {
		return this.teamKey;
	}

	/**
	 * The Legends workspace id of this scope, if it was opened with one.
	 * @return the id or {@code null}
	 */
	public Long workspaceId() {
		return this.workspaceId;
	}

	/**
	 * Whether this is a request served by an org-wide install.
	 * @return whether the org's teams are one workspace here
	 */
	public boolean orgWide() {
		return this.orgWide;
	}

	@Override
	public void close() {
		if (this.previous != null) {
			CURRENT.set(this.previous);
		}
		else {
			CURRENT.remove();
		}
	}

	@Override
	public String toString() {
		return (this.teamKey != null) ? this.teamKey : "workspace " + this.workspaceId;
	}

}
