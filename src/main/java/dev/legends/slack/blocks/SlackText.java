package dev.legends.slack.blocks;

/**
 * Helpers for putting user-supplied text into Slack messages safely.
 */
public final class SlackText {

	private SlackText() {
	}

	/**
	 * Make user text safe to echo in mrkdwn: control characters removed, Slack's control
	 * characters escaped, and cut to a length.
	 * @param text the text as typed
	 * @param maxLength the longest result, in characters
	 * @return the safe text
	 */
	public static String echo(String text, int maxLength) {
		if (text == null) {
			return "";
		}
		String clean = text.codePoints()
			.filter((cp) -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		if (clean.codePointCount(0, clean.length()) > maxLength) {
			clean = clean.substring(0, clean.offsetByCodePoints(0, maxLength)) + "…";
		}
		return escape(clean);
	}

	/**
	 * Escape the three characters Slack treats as control characters in mrkdwn.
	 * @param text the text
	 * @return the escaped text
	 */
	public static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
