package dev.legends.scoring.internal;

import java.util.List;

import dev.legends.scoring.OutcomeCredit;
import dev.legends.scoring.PersonFigures;
import dev.legends.scoring.UsageFigures;

/**
 * Sums a person's outcome credits into the figures boards rank by.
 */
public final class Tally {

	private Tally() {
	}

	/**
	 * A person's figures from their credits and usage.
	 * @param memberId the member id
	 * @param name the display name
	 * @param listed whether they may appear on shared boards
	 * @param credits their outcome credits in the period
	 * @param usage their usage in the period
	 * @return the figures
	 */
	public static PersonFigures person(long memberId, String name, boolean listed, List<OutcomeCredit> credits,
			UsageFigures usage) {
		double confirmed = 0;
		double pending = 0;
		int confirmedCount = 0;
		int pendingCount = 0;
		for (OutcomeCredit credit : credits) {
			if (!credit.counted()) {
				continue;
			}
			if (credit.confirmed()) {
				confirmed += credit.creditedPoints();
				confirmedCount++;
			}
			else {
				pending += credit.creditedPoints();
				pendingCount++;
			}
		}
		return new PersonFigures(memberId, name, listed, confirmed, pending, confirmedCount, pendingCount,
				(usage != null) ? usage : UsageFigures.NONE);
	}

}
