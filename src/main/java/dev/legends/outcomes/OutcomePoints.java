package dev.legends.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The one place that turns an outcome's size and status into points: confirmed full,
 * reported at the pending rate (half), rejected and withdrawn zero, shared equally by the
 * reporter and collaborators, and unconfirmed points capped per person and day.
 */
@Component
public class OutcomePoints {

	private final OutcomeProperties properties;

	/**
	 * Create the rules from settings.
	 * @param properties the settings
	 */
	public OutcomePoints(OutcomeProperties properties) {
		this.properties = properties;
	}

	/**
	 * The full points of a size.
	 * @param size the size
	 * @return the points when confirmed
	 */
	public double points(OutcomeSize size) {
		return switch (size) {
			case S -> this.properties.small();
			case M -> this.properties.medium();
			case L -> this.properties.large();
		};
	}

	/**
	 * The share of its points an outcome in a status earns.
	 * @param status the status
	 * @return 1 for confirmed, the pending rate for reported, 0 otherwise
	 */
	public double rate(OutcomeStatus status) {
		return switch (status) {
			case CONFIRMED -> this.properties.confirmedRate();
			case REPORTED -> this.properties.pendingRate();
			case REJECTED, WITHDRAWN -> 0;
		};
	}

	/**
	 * The points an outcome earns in total, before sharing.
	 * @param size the size
	 * @param status the status
	 * @return the points
	 */
	public double value(OutcomeSize size, OutcomeStatus status) {
		return points(size) * rate(status);
	}

	/**
	 * The settings these rules use.
	 * @return the settings
	 */
	public OutcomeProperties settings() {
		return this.properties;
	}

	/**
	 * Credit each participant of each outcome.
	 * @param outcomes the outcomes to credit
	 * @param duplicateIds outcomes whose link was reported earlier by another outcome
	 * @param pendingAllowed for reported outcomes, the points left after the daily cap
	 * (see {@link #capPending}); outcomes missing here are not capped
	 * @return one credit per participant per outcome
	 */
	public List<OutcomeCredit> credit(Collection<OutcomeDetails> outcomes, Set<Long> duplicateIds,
			Map<Long, Double> pendingAllowed) {
		List<OutcomeCredit> credits = new ArrayList<>();
		for (OutcomeDetails outcome : outcomes) {
			Credit credit = creditOf(outcome, duplicateIds, pendingAllowed);
			double share = credit.total() / outcome.participants();
			String explanation = explain(outcome, credit, share);
			for (Long memberId : participants(outcome)) {
				credits.add(new OutcomeCredit(memberId, outcome.id(), outcome.title(), outcome.kind(), outcome.size(),
						outcome.status(), outcome.date(), share, credit.reason(), explanation));
			}
		}
		return credits;
	}

	/**
	 * Apply the daily cap to one person's unconfirmed outcomes reported on one day: in
	 * the order reported, each earns its pending value until the cap is used up.
	 * @param sameDayPending the reported (unconfirmed) outcomes of one reporter and day
	 * @return the points each may earn, by outcome id
	 */
	public Map<Long, Double> capPending(Collection<OutcomeDetails> sameDayPending) {
		Map<Long, Double> allowed = new HashMap<>();
		double used = 0;
		List<OutcomeDetails> ordered = sameDayPending.stream()
			.sorted(Comparator.comparing(OutcomeDetails::reportedAt).thenComparing(OutcomeDetails::id))
			.toList();
		for (OutcomeDetails outcome : ordered) {
			double value = value(outcome.size(), OutcomeStatus.REPORTED);
			double granted = Math.max(0, Math.min(value, this.properties.dailyPendingCap() - used));
			allowed.put(outcome.id(), granted);
			used += granted;
		}
		return allowed;
	}

	/**
	 * The unconfirmed points a person's reports of one day already use.
	 * @param sameDayPending the reported (unconfirmed) outcomes of one reporter and day
	 * @return the points, at the pending rate
	 */
	public double pendingUsed(Collection<OutcomeDetails> sameDayPending) {
		return sameDayPending.stream().mapToDouble((outcome) -> value(outcome.size(), OutcomeStatus.REPORTED)).sum();
	}

	/**
	 * Format points for people: at most two decimals, no trailing zeros.
	 * @param points the points
	 * @return e.g. "4", "1.5", "2.67"
	 */
	public static String format(double points) {
		if (!Double.isFinite(points)) {
			return String.valueOf(points);
		}
		// as "%.2f" rounds (half up, from the double's exact value), without its parsing
		// or a regular expression: boards format every outcome of a workspace
		return new BigDecimal(points).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	private Credit creditOf(OutcomeDetails outcome, Set<Long> duplicateIds, Map<Long, Double> pendingAllowed) {
		if (outcome.status() == OutcomeStatus.REJECTED) {
			return new Credit(0, CreditReason.REJECTED);
		}
		if (outcome.status() == OutcomeStatus.WITHDRAWN) {
			return new Credit(0, CreditReason.WITHDRAWN);
		}
		if (duplicateIds.contains(outcome.id())) {
			return new Credit(0, CreditReason.DUPLICATE_LINK);
		}
		double value = value(outcome.size(), outcome.status());
		if (outcome.status() == OutcomeStatus.CONFIRMED) {
			return new Credit(value, CreditReason.CONFIRMED);
		}
		double allowed = pendingAllowed.getOrDefault(outcome.id(), value);
		return (allowed < value) ? new Credit(allowed, CreditReason.CAPPED_BY_DAILY_CAP)
				: new Credit(value, CreditReason.PENDING);
	}

	private String explain(OutcomeDetails outcome, Credit credit, double share) {
		double sizePoints = points(outcome.size());
		String base = outcome.size() + " = " + format(sizePoints) + ((sizePoints == 1) ? " pt" : " pts");
		String rule = switch (credit.reason()) {
			case CONFIRMED -> base + " × " + format(rate(OutcomeStatus.CONFIRMED)) + " (confirmed)";
			case PENDING -> base + " × " + format(rate(OutcomeStatus.REPORTED)) + " (awaiting confirmation)";
			case CAPPED_BY_DAILY_CAP ->
				base + " × " + format(rate(OutcomeStatus.REPORTED)) + " (awaiting confirmation), capped to "
						+ format(credit.total()) + " by the daily cap of " + format(this.properties.dailyPendingCap())
						+ " unconfirmed " + ((this.properties.dailyPendingCap() == 1) ? "pt" : "pts");
			case REJECTED -> "rejected: 0";
			case WITHDRAWN -> "withdrawn: 0";
			case DUPLICATE_LINK -> "same link reported earlier: 0";
		};
		if (credit.total() == 0) {
			return rule;
		}
		if (outcome.participants() > 1) {
			return rule + " ÷ " + outcome.participants() + " people = " + format(share);
		}
		return rule + " = " + format(share);
	}

	private static List<Long> participants(OutcomeDetails outcome) {
		List<Long> participants = new ArrayList<>();
		participants.add(outcome.reporterId());
		outcome.collaboratorIds().stream().filter((id) -> !id.equals(outcome.reporterId())).forEach(participants::add);
		return participants;
	}

	private record Credit(double total, CreditReason reason) {

	}

}
