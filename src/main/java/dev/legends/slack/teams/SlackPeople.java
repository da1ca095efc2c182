package dev.legends.slack.teams;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.legends.workspace.Member;
import dev.legends.workspace.Members;

import org.springframework.stereotype.Component;

/**
 * Translates between the Slack user ids a modal deals in and Legends member ids.
 */
@Component
class SlackPeople {

	/** Who an unknown or missing person is shown as. */
	private static final String SOMEONE = "someone";

	private final Members members;

	SlackPeople(Members members) {
		this.members = members;
	}

	Set<Long> memberIds(String slackTeamId, Collection<String> userIds) {
		Set<Long> ids = new LinkedHashSet<>();
		userIds.forEach((userId) -> ids.add(this.members.member(slackTeamId, userId).getId()));
		return ids;
	}

	List<String> slackIds(Collection<Long> memberIds) {
		return this.members.findAllById(memberIds).stream().map(Member::getSlackUserId).sorted().toList();
	}

	/**
	 * A person's name, from the workspace's member directory (no read per name).
	 */
	String name(Long workspaceId, Long memberId) {
		if (memberId == null) {
			return SOMEONE;
		}
		Member member = this.members.directory(workspaceId).get(memberId);
		return (member != null) ? member.getDisplayName() : SOMEONE;
	}

	List<String> names(Collection<Long> memberIds) {
		Map<Long, String> found = this.members
			.findAllById(memberIds.stream().filter(Objects::nonNull).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Member::getId, Member::getDisplayName));
		return memberIds.stream()
			.map((id) -> found.getOrDefault(id, SOMEONE))
			.sorted(String.CASE_INSENSITIVE_ORDER)
			.toList();
	}

}
