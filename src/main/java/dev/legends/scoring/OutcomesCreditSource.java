package dev.legends.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.legends.outcomes.OutcomeStatus;
import dev.legends.outcomes.Outcomes;
import dev.legends.workspace.TimeWindow;

import org.springframework.stereotype.Component;

/**
 * Reads outcome credits from the outcomes module, which alone turns status and size into
 * points (with its caps, shares and duplicate rule).
 */
@Component
class OutcomesCreditSource implements ScoringSources.CreditSource {

	private final Outcomes outcomes;

	OutcomesCreditSource(Outcomes outcomes) {
		this.outcomes = outcomes;
	}

	@Override
	public Map<Long, List<OutcomeCredit>> byMember(Long workspaceId, TimeWindow window) {
		Map<Long, List<OutcomeCredit>> result = new HashMap<>();
		for (dev.legends.outcomes.OutcomeCredit credit : this.outcomes.credits(workspaceId, window)) {
			result.computeIfAbsent(credit.memberId(), (id) -> new java.util.ArrayList<>()).add(credit(credit));
		}
		return result;
	}

	@Override
	public List<OutcomeCredit> ofMember(Long memberId, TimeWindow window) {
		return this.outcomes.creditsOf(memberId, window).stream().map(OutcomesCreditSource::credit).toList();
	}

	static OutcomeCredit credit(dev.legends.outcomes.OutcomeCredit c) {
		return new OutcomeCredit(c.outcomeId(), c.title(), c.kind().label(), c.size().name(), status(c.status()),
				c.points(), c.reason().description(), c.explanation());
	}

	private static String status(OutcomeStatus status) {
		return switch (status) {
			case CONFIRMED -> "confirmed";
			case REPORTED -> "pending";
			case REJECTED -> "rejected";
			case WITHDRAWN -> "withdrawn";
		};
	}

}
