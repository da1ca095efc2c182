package dev.legends.workspace;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What lets several instances share one database without serving stale figures: a
 * per-workspace change version, bumped in the transaction of every change that boards,
 * digests or App Home show, and read (one primary-key lookup) before cached figures are
 * used; and who has opened App Home, so that any instance re-publishes it.
 */
@Component
public class ChangeVersions implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ChangeVersions.class);

	/** The request attribute holding a workspace's version as a request read it. */
	private static final String VERSION_ATTRIBUTE = ChangeVersions.class.getName() + ".version.";

	/** How often first openings of App Home are written. */
	private static final long HOME_WRITE_MILLIS = 250;

	private final JdbcTemplate jdbc;

	/**
	 * People this instance has recorded as having opened App Home: each opening after the
	 * first writes nothing (a write on every opening queued behind ingest's writes).
	 */
	private final Cache<Long, Boolean> homeOpened = Caffeine.newBuilder().maximumSize(200_000).build();

	/**
	 * First openings not written yet: written together in the background, so that an
	 * opening never waits for a commit behind ingest's writes.
	 */
	private final Set<Long> homeOpenedUnwritten = ConcurrentHashMap.newKeySet();

	/** Whether the last write of first openings failed (its failure was logged). */
	private volatile boolean homeWriteFailing;

	private final ScheduledExecutorService homeWriter = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "legends-home-opened");
		thread.setDaemon(true);
		return thread;
	});

	ChangeVersions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.homeWriter.scheduleWithFixedDelay(this::writeHomeOpenings, HOME_WRITE_MILLIS, HOME_WRITE_MILLIS,
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Record a change in a workspace (call it inside the change's transaction).
	 * @param workspaceId the workspace
	 */
	public void bump(Long workspaceId) {
		move(workspaceId, "change_version");
	}

	/**
	 * Record a change in a workspace (call it inside the change's transaction), and
	 * return the version it moved to.
	 * @param workspaceId the workspace
	 * @return the version as of this change
	 */
	public long bumpAndGet(Long workspaceId) {
		bump(workspaceId);
		return current(workspaceId);
	}

	/**
	 * Record a change to whose usage is whose in a workspace (an identity mapped to a
	 * person): it moves the usage version as well as the change version (call it inside
	 * the change's transaction).
	 * @param workspaceId the workspace
	 */
	public void bumpUsage(Long workspaceId) {
		move(workspaceId, "change_version", "usage_version");
	}

	/**
	 * Record a change to the workspace's people as boards list them (someone opted out or
	 * back in, went on vacation or came back): it moves the people version as well as the
	 * change version (call it inside the change's transaction).
	 * @param workspaceId the workspace
	 */
	public void bumpPeople(Long workspaceId) {
		move(workspaceId, "change_version", "people_version");
	}

	/**
	 * Record a change to a workspace's teams (a team created or changed, its members
	 * synced from a user group) or their goals: it moves only the team version (call it
	 * inside the change's transaction), so that what is kept of the teams is read again,
	 * and figures kept for outcomes, usage and people are not.
	 * @param workspaceId the workspace
	 */
	public void bumpTeams(Long workspaceId) {
		move(workspaceId, "team_version");
	}

	/**
	 * Record a new person, or a person's new email or Slack id: it moves every version
	 * (call it inside the change's transaction).
	 * @param workspaceId the workspace
	 */
	private void bumpPeopleAndUsage(Long workspaceId) {
		move(workspaceId, "change_version", "usage_version", "people_version");
	}

	/**
	 * Move these counters of a workspace by one, and forget the versions this request
	 * read, so that it reads the moved ones next.
	 */
	private void move(Long workspaceId, String... counters) {
		String moves = Arrays.stream(counters)
			.map((counter) -> counter + " = " + counter + " + 1")
			.collect(Collectors.joining(", "));
		this.jdbc.update("update workspace set " + moves + " where id = ?", workspaceId);
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.removeAttribute(VERSION_ATTRIBUTE + workspaceId, RequestAttributes.SCOPE_REQUEST);
		}
	}

	/**
	 * The workspace's change version now: cached figures computed at another version are
	 * stale.
	 * @param workspaceId the workspace
	 * @return the version
	 */
	public long current(Long workspaceId) {
		return versions(workspaceId)[0];
	}

	/**
	 * The workspace's usage version now: usage figures cached at another version may
	 * count someone's usage for the wrong person. Only a change to whose usage is whose
	 * moves it ({@link #bumpUsage}), so such figures outlive outcome changes.
	 * @param workspaceId the workspace
	 * @return the version
	 */
	public long usage(Long workspaceId) {
		return versions(workspaceId)[1];
	}

	/**
	 * The workspace's people version now: a member directory read at another version may
	 * list someone who opted out, or miss a new person. Only a change to the people
	 * ({@link #bumpPeople}, a new person or email) moves it, so such a directory outlives
	 * outcome changes.
	 * @param workspaceId the workspace
	 * @return the version
	 */
	public long people(Long workspaceId) {
		return versions(workspaceId)[2];
	}

	/**
	 * The workspace's team version now: teams and goals read at another version may miss
	 * a change. Only a change to the teams or their goals ({@link #bumpTeams}) moves it.
	 * @param workspaceId the workspace
	 * @return the version
	 */
	public long teams(Long workspaceId) {
		return versions(workspaceId)[3];
	}

	private long[] versions(Long workspaceId) {
		// read once per HTTP request: a request that gathers several cached figures (a
		// standing, its trend, the week's credits and usage) uses them as of one version,
		// and a change it makes itself moves it (bump)
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		String attribute = VERSION_ATTRIBUTE + workspaceId;
		if (request != null
				&& request.getAttribute(attribute, RequestAttributes.SCOPE_REQUEST) instanceof long[] read) {
			return read;
		}
		List<long[]> rows = this.jdbc.query(
				"select change_version, usage_version, people_version, team_version from workspace where id = ?",
				(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) }, workspaceId);
		long[] versions = rows.isEmpty() ? new long[4] : rows.get(0);
		if (request != null) {
			request.setAttribute(attribute, versions, RequestAttributes.SCOPE_REQUEST);
		}
		return versions;
	}

	/**
	 * A new per-workspace value read once per change version, and again once it is
	 * {@code maxAge} old.
	 * @param <T> the value
	 * @param workspaces how many workspaces' values to keep at most
	 * @param maxAge how long a value is used at most
	 * @return an empty one
	 */
	public <T> PerVersion<T> perVersion(int workspaces, Duration maxAge) {
		return new PerVersion<>(this::current, workspaces, maxAge);
	}

	/**
	 * A new per-workspace value that only depends on the workspace's people (who they
	 * are, whether boards list them), read once per people version, and again once it is
	 * {@code maxAge} old.
	 * @param <T> the value
	 * @param workspaces how many workspaces' values to keep at most
	 * @param maxAge how long a value is used at most
	 * @return an empty one
	 */
	public <T> PerVersion<T> perPeopleVersion(int workspaces, Duration maxAge) {
		return new PerVersion<>(this::people, workspaces, maxAge);
	}

	/**
	 * A new per-workspace value that only depends on the workspace's teams and goals,
	 * read once per team version, and again once it is {@code maxAge} old.
	 * @param <T> the value
	 * @param workspaces how many workspaces' values to keep at most
	 * @param maxAge how long a value is used at most
	 * @return an empty one
	 */
	public <T> PerVersion<T> perTeamVersion(int workspaces, Duration maxAge) {
		return new PerVersion<>(this::teams, workspaces, maxAge);
	}

	/**
	 * Remember that a person opened App Home.
	 * @param memberId the person
	 */
	public void homeOpened(Long memberId) {
		if (this.homeOpened.asMap().putIfAbsent(memberId, Boolean.TRUE) == null) {
			this.homeOpenedUnwritten.add(memberId);
		}
	}

	/** Write the first openings recorded since the last time, in one statement. */
	private void writeHomeOpenings() {
		List<Long> ids = this.homeOpenedUnwritten.stream().limit(1000).toList();
		if (ids.isEmpty()) {
			return;
		}
		try {
			new NamedParameterJdbcTemplate(this.jdbc).update(
					"update member set home_opened_at = current_timestamp where home_opened_at is null and id in (:ids)",
					Map.of("ids", ids));
			ids.forEach(this.homeOpenedUnwritten::remove);
			this.homeWriteFailing = false;
		}
		catch (RuntimeException ex) {
			// once per outage, not every 250 ms while the database cannot write
			if (!this.homeWriteFailing) {
				this.homeWriteFailing = true;
				logger.warn("Recording who opened App Home failed; retried until it works ({})",
						String.valueOf(ex.getMessage()).lines().findFirst().orElse(""));
			}
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.homeWriter.shutdown();
		this.homeWriter.awaitTermination(5, TimeUnit.SECONDS);
		int left;
		do {
			left = this.homeOpenedUnwritten.size();
			writeHomeOpenings();
		}
		while (!this.homeOpenedUnwritten.isEmpty() && this.homeOpenedUnwritten.size() < left);
	}

	/**
	 * Those of these people who have opened App Home (on any instance).
	 * @param memberIds the people
	 * @return the ones with a Home to keep fresh
	 */
	public Set<Long> withHome(Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return Set.of();
		}
		Set<Long> withHome = new HashSet<>(new NamedParameterJdbcTemplate(this.jdbc).queryForList(
				"select id from member where home_opened_at is not null and id in (:ids)", Map.of("ids", memberIds),
				Long.class));
		memberIds.stream().filter(this.homeOpenedUnwritten::contains).forEach(withHome::add);
		return withHome;
	}

	@EventListener
	void on(MemberListingChanged event) {
		bumpPeople(event.workspaceId());
	}

	@EventListener
	void on(MemberProfileChanged event) {
		// a new email or Slack id attaches the usage kept under it to the person (and a
		// new person joins the directory)
		bumpPeopleAndUsage(event.workspaceId());
	}

}
