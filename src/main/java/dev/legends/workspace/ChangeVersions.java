package dev.legends.workspace;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What lets several instances share one database without serving stale figures: a
 * per-workspace change version, bumped in the transaction of every change that boards,
 * digests or App Home show, and read (one primary-key lookup) before cached figures are
 * used; and who has opened App Home, so that any instance re-publishes it.
 */
@Component
public class ChangeVersions {

	private final JdbcTemplate jdbc;

	/**
	 * People this instance has recorded as having opened App Home: each opening after the
	 * first writes nothing (a write on every opening queued behind ingest's writes).
	 */
	private final Cache<Long, Boolean> homeOpened = Caffeine.newBuilder().maximumSize(200_000).build();

	ChangeVersions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Record a change in a workspace (call it inside the change's transaction).
	 * @param workspaceId the workspace
	 */
	public void bump(Long workspaceId) {
		this.jdbc.update("update workspace set change_version = change_version + 1 where id = ?", workspaceId);
	}

	/**
	 * The workspace's change version now: cached figures computed at another version are
	 * stale.
	 * @param workspaceId the workspace
	 * @return the version
	 */
	public long current(Long workspaceId) {
		List<Long> version = this.jdbc.queryForList("select change_version from workspace where id = ?", Long.class,
				workspaceId);
		return version.isEmpty() ? 0 : version.get(0);
	}

	/**
	 * Remember that a person opened App Home.
	 * @param memberId the person
	 */
	public void homeOpened(Long memberId) {
		if (this.homeOpened.getIfPresent(memberId) != null) {
			return;
		}
		this.jdbc.update("update member set home_opened_at = current_timestamp where id = ? and home_opened_at is null",
				memberId);
		this.homeOpened.put(memberId, Boolean.TRUE);
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
		return new NamedParameterJdbcTemplate(this.jdbc)
			.queryForList("select id from member where home_opened_at is not null and id in (:ids)",
					java.util.Map.of("ids", memberIds), Long.class)
			.stream()
			.collect(Collectors.toSet());
	}

	@EventListener
	void on(MemberListingChanged event) {
		bump(event.workspaceId());
	}

	@EventListener
	void on(MemberProfileChanged event) {
		bump(event.workspaceId());
	}

}
