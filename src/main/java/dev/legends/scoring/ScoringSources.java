package dev.legends.scoring;

import java.util.List;
import java.util.Map;

import dev.legends.workspace.TimeWindow;

/**
 * What scoring reads from the usage and outcomes modules, behind two small ports so that
 * the formulas stay plain and the adapters stay thin.
 */
final class ScoringSources {

	private ScoringSources() {
	}

	/**
	 * Usage totals per person, read from the usage module's rollups.
	 */
	interface UsageSource {

		/** No usage anywhere (when the usage module is absent). */
		UsageSource NONE = new UsageSource() {

			@Override
			public Map<Long, UsageFigures> byMember(Long workspaceId, TimeWindow window) {
				return Map.of();
			}

			@Override
			public UsageFigures ofMember(Long memberId, TimeWindow window) {
				return UsageFigures.NONE;
			}

		};

		Map<Long, UsageFigures> byMember(Long workspaceId, TimeWindow window);

		UsageFigures ofMember(Long memberId, TimeWindow window);

	}

	/**
	 * Outcome credits per person, from the outcomes module's one place that turns status
	 * and size into points.
	 */
	interface CreditSource {

		/** No outcomes anywhere (when the outcomes module is absent). */
		CreditSource NONE = new CreditSource() {

			@Override
			public Map<Long, List<OutcomeCredit>> byMember(Long workspaceId, TimeWindow window) {
				return Map.of();
			}

			@Override
			public List<OutcomeCredit> ofMember(Long memberId, TimeWindow window) {
				return List.of();
			}

		};

		Map<Long, List<OutcomeCredit>> byMember(Long workspaceId, TimeWindow window);

		List<OutcomeCredit> ofMember(Long memberId, TimeWindow window);

	}

}
