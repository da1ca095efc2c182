package dev.legends.scoring;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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

	/**
	 * The last credits of each window and what they became: a window that no change
	 * touched comes back as the same credits, which become the same figures; after a
	 * change, each person whose credits it did not touch keeps the same list.
	 */
	private final Cache<Key, Grouped> last = Caffeine.newBuilder().maximumSize(512).build();

	OutcomesCreditSource(Outcomes outcomes) {
		this.outcomes = outcomes;
	}

	@Override
	public Map<Long, List<OutcomeCredit>> byMember(Long workspaceId, TimeWindow window) {
		Map<Long, List<dev.legends.outcomes.OutcomeCredit>> credits = this.outcomes.creditsByMember(workspaceId,
				window);
		Key key = new Key(workspaceId, window);
		Grouped known = this.last.getIfPresent(key);
		if (known != null && known.credits() == credits) {
			return known.byMember();
		}
		Map<Long, List<OutcomeCredit>> result = new HashMap<>();
		credits.forEach((memberId, mine) -> {
			boolean same = known != null && known.credits().get(memberId) == mine;
			result.put(memberId,
					same ? known.byMember().get(memberId) : mine.stream().map(OutcomesCreditSource::credit).toList());
		});
		Map<Long, List<OutcomeCredit>> byMember = Collections.unmodifiableMap(result);
		this.last.put(key, new Grouped(credits, byMember));
		return byMember;
	}

	@Override
	public List<OutcomeCredit> ofMember(Long memberId, TimeWindow window) {
		return this.outcomes.creditsOf(memberId, window).stream().map(OutcomesCreditSource::credit).toList();
	}

	static OutcomeCredit credit(dev.legends.outcomes.OutcomeCredit c) {
		return new OutcomeCredit(c.outcomeId(), c.title(), c.kind().label(), c.size().name(), status(c.status()),
				c.points(), c.reason().description(), c.explanation());
	}

	private record Key(Long workspaceId, TimeWindow window) {

	}

	private record Grouped(Map<Long, List<dev.legends.outcomes.OutcomeCredit>> credits,
			Map<Long, List<OutcomeCredit>> byMember) {

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
