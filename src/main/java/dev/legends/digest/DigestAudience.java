package dev.legends.digest;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import dev.legends.digest.ChannelDirectory.Membership;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Decides whom a schedule's digest covers: its team, else the channel's members as the
 * platform lists them now (bots and people Legends does not know are left out). When the
 * platform will not list them (e.g. a missing scope), the digest covers the whole
 * workspace and says why, so the channel still gets it on time.
 */
@Component
class DigestAudience {

	private static final Logger logger = LoggerFactory.getLogger(DigestAudience.class);

	private final ChannelDirectory channels;

	private final Members members;

	/**
	 * Per workspace and channel, the last membership read and the members it maps to:
	 * while the directory hands out the same membership, digests due together map it
	 * once.
	 */
	private final Map<String, Known> known = new ConcurrentHashMap<>();

	DigestAudience(ChannelDirectory channels, Members members) {
		this.channels = channels;
		this.members = members;
	}

	/**
	 * Whom the schedule's digest covers now.
	 * @param schedule the schedule
	 * @return the scope, with a note when it is not what the schedule asked for
	 */
	Audience of(DigestSchedule schedule) {
		if (schedule.getTeamId() != null) {
			return new Audience(new DigestScope(schedule.getWorkspaceId(), schedule.getTeamId()), Optional.empty());
		}
		Membership membership = this.channels.members(schedule.getWorkspaceId(), schedule.getChannelId());
		if (!membership.isKnown()) {
			logger.warn("Cannot list the members of {} ({}): its digest covers the whole workspace",
					schedule.getChannelId(), membership.error());
			return new Audience(new DigestScope(schedule.getWorkspaceId(), null),
					Optional.of(wholeWorkspaceNote(membership.error())));
		}
		String key = schedule.getWorkspaceId() + "/" + schedule.getChannelId();
		Known known = this.known.get(key);
		if (known == null || known.membership() != membership) {
			Set<Long> ids = this.members.all(schedule.getWorkspaceId())
				.stream()
				.filter((member) -> membership.userIds().contains(member.getSlackUserId()))
				.map(Member::getId)
				.collect(Collectors.toSet());
			known = new Known(membership, DigestScope.channel(schedule.getWorkspaceId(), ids));
			this.known.put(key, known);
		}
		return new Audience(known.scope(), Optional.empty());
	}

	static String wholeWorkspaceNote(String error) {
		return "This digest covers everyone in the workspace: Legends couldn't list this channel's members (Slack "
				+ "says `" + error + "`). An admin can reinstall Legends to grant it the `channels:read` and "
				+ "`groups:read` permissions.";
	}

	private record Known(Membership membership, DigestScope scope) {

	}

	/**
	 * Whom a digest covers.
	 *
	 * @param scope the team, the channel's members, or the whole workspace
	 * @param note why the scope is not what the schedule asked for, if it is not
	 */
	record Audience(DigestScope scope, Optional<String> note) {

	}

}
