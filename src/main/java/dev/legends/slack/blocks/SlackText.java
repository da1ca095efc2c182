package dev.legends.slack.blocks;

/**
 * The one way text from users and usage sources (outcome titles and notes, team, key,
 * model, source, goal and display names, reasons, anything a person typed or a usage
 * source sent) goes into mrkdwn: Slack's control characters escaped, so that no mention
 * ({@code <!channel>}, {@code <@U…>}) and no disguised link ({@code <http…|…>}) can be
 * planted, and formatting characters that could open or close bold, italics, strike or
 * code swapped for look-alikes, so that such text cannot restyle the message around it.
 * Plain-text fields (headers, buttons, options, modal inputs) take text as it is.
 */
public final class SlackText {

	private SlackText() {
	}

	/**
	 * Make user text safe to echo in mrkdwn: control characters removed, cut to a length,
	 * then {@link #escape escaped}.
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
	 * Escape text for mrkdwn: {@code &}, {@code <} and {@code >} as Slack requires, and
	 * each {@code *}, {@code _}, {@code ~} or {@code `} that could open or close
	 * formatting (next to a space, punctuation or an end) replaced by a look-alike;
	 * formatting characters inside words ({@code snake_case}) stay.
	 * @param text the text ({@code null} is empty)
	 * @return the escaped text
	 */
	public static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '*', '_', '~', '`' -> out.append(canFormat(text, i) ? lookAlike(c) : c);
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * A link in mrkdwn to a URL a person gave: {@code <url|label>}, the URL's {@code &}
	 * escaped and {@code <}, {@code >} and {@code |} percent-encoded so that it cannot
	 * end the link early or carry a label of its own.
	 * @param url the URL
	 * @param label the text shown ({@code null}: the URL itself), escaped here
	 * @return the link
	 */
	public static String link(String url, String label) {
		String target = url.strip()
			.replace("&", "&amp;")
			.replace("<", "%3C")
			.replace(">", "%3E")
			.replace("|", "%7C")
			.replace(" ", "%20");
		return "<" + target + "|" + echo((label != null) ? label : url.strip(), 200) + ">";
	}

	/**
	 * Whether a formatting character could open (a boundary before it, text after it) or
	 * close (text before it, a boundary after it) formatting.
	 */
	private static boolean canFormat(String text, int i) {
		boolean boundaryBefore = i == 0 || isBoundary(text.charAt(i - 1));
		boolean boundaryAfter = i == text.length() - 1 || isBoundary(text.charAt(i + 1));
		boolean textBefore = i > 0 && !Character.isWhitespace(text.charAt(i - 1));
		boolean textAfter = i < text.length() - 1 && !Character.isWhitespace(text.charAt(i + 1));
		return (boundaryBefore && textAfter) || (textBefore && boundaryAfter);
	}

	private static boolean isBoundary(char c) {
		return !Character.isLetterOrDigit(c);
	}

	private static char lookAlike(char c) {
		return switch (c) {
			case '*' -> '\u2217';
			case '_' -> '\u02CD';
			case '~' -> '\u223C';
			default -> '\u02CB';
		};
	}

}
