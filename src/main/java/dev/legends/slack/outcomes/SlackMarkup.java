package dev.legends.slack.outcomes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns text as Slack sends it (escaped mentions, channel links, URLs, HTML entities)
 * back into plain words for prefilling a form.
 */
final class SlackMarkup {

	private static final Pattern ANGLE = Pattern.compile("<([^<>]*)>");

	private static final Pattern FIRST_URL = Pattern.compile("<(https?://[^|>]+)(\\|[^>]*)?>");

	private SlackMarkup() {
	}

	/**
	 * Plain text of Slack markup: {@code <@U1|ada>} becomes {@code @ada},
	 * {@code <#C1|general>} {@code #general}, {@code <https://x|label>} {@code label},
	 * entities are decoded and whitespace collapsed.
	 * @param text the text as Slack sent it
	 * @return the plain text, never {@code null}
	 */
	static String plain(String text) {
		if (text == null) {
			return "";
		}
		Matcher matcher = ANGLE.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement(readable(matcher.group(1))));
		}
		matcher.appendTail(out);
		return out.toString()
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&")
			.replaceAll("\\s+", " ")
			.strip();
	}

	/**
	 * The first http(s) link in Slack markup.
	 * @param text the text as Slack sent it
	 * @return the URL, or {@code null}
	 */
	static String firstUrl(String text) {
		if (text == null) {
			return null;
		}
		Matcher matcher = FIRST_URL.matcher(text);
		return matcher.find() ? matcher.group(1) : null;
	}

	/**
	 * Cut text to a length on a word boundary where possible, marking the cut.
	 * @param text the text
	 * @param max the longest result
	 * @return the text, at most {@code max} characters
	 */
	static String cut(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		String head = text.substring(0, max - 1);
		int space = head.lastIndexOf(' ');
		return ((space > max / 2) ? head.substring(0, space) : head) + "…";
	}

	private static String readable(String inner) {
		int bar = inner.indexOf('|');
		String target = (bar >= 0) ? inner.substring(0, bar) : inner;
		String label = (bar >= 0) ? inner.substring(bar + 1) : null;
		if (target.startsWith("@")) {
			return "@" + ((label != null) ? label : target.substring(1));
		}
		if (target.startsWith("#")) {
			return "#" + ((label != null) ? label : target.substring(1));
		}
		if (target.startsWith("!")) {
			return "@" + ((label != null) ? label : target.substring(1));
		}
		return (label != null) ? label : target;
	}

}
