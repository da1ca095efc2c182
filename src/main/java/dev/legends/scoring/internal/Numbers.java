package dev.legends.scoring.internal;

import java.util.Locale;

/**
 * How scoring writes numbers for people: points without needless decimals, dollars with
 * cents.
 */
public final class Numbers {

	private Numbers() {
	}

	/**
	 * Points as {@code 12} or {@code 1.5}.
	 * @param points the points
	 * @return the text
	 */
	public static String points(double points) {
		if (Math.abs(points - Math.rint(points)) < 1e-9) {
			return String.format(Locale.ENGLISH, "%d", (long) Math.rint(points));
		}
		return String.format(Locale.ENGLISH, "%.2f", points).replaceAll("0+$", "");
	}

	/**
	 * Dollars as {@code $12.30}.
	 * @param usd the amount
	 * @return the text
	 */
	public static String usd(double usd) {
		return String.format(Locale.ENGLISH, "$%,.2f", usd);
	}

}
