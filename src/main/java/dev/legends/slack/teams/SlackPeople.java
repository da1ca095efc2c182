package dev.legends.slack.teams;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.legends.workspace.Member;
import dev.legends.workspace.Members;

import org.springframework.stereotype.Component;

/**
 * Translates between the Slack user ids a modal deals in and Legends member ids.
 */
@Component
class SlackPeople {

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
		return memberIds.stream()
			.map(this.members::findById)
			.flatMap(java.util.Optional::stream)
			.map(Member::getSlackUserId)
			.sorted()
			.toList();
	}

	String name(Long memberId) {
		return (memberId != null) ? this.members.findById(memberId).map(Member::getDisplayName).orElse("someone")
				: "someone";
	}

	List<String> names(Collection<Long> memberIds) {
		return memberIds.stream().map(this::name).sorted(String.CASE_INSENSITIVE_ORDER).toList();
	}

}
