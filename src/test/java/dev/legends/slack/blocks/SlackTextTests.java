package dev.legends.slack.blocks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one escaping function for text from users and usage sources on its way into mrkdwn.
 */
class SlackTextTests {

	@Test
	void escapeWhenTextHasMentionsAndLinksShowsThemAsText() {
		assertThat(SlackText.escape("<!channel> <@U123> <http://evil.example|m> &lt;"))
			.isEqualTo("&lt;!channel&gt; &lt;@U123&gt; &lt;http://evil.example|m&gt; &amp;lt;");
	}

	@Test
	void escapeWhenFormattingCouldOpenOrCloseSwapsForLookAlikes() {
		assertThat(SlackText.escape("*m* _it_ ~s~ `c`"))
			.isEqualTo("\u2217m\u2217 \u02CDit\u02CD \u223Cs\u223C \u02CBc\u02CB");
		assertThat(SlackText.escape("(*bold*)")).doesNotContain("*");
	}

	@Test
	void escapeWhenFormattingCharactersAreInsideWordsKeepsThem() {
		assertThat(SlackText.escape("claude_sonnet gpt-4o_mini a*b 3 * 2"))
			.isEqualTo("claude_sonnet gpt-4o_mini a*b 3 * 2");
	}

	@Test
	void echoWhenTextHasControlCharactersAndIsLongCleansCutsAndEscapes() {
		assertThat(SlackText.echo("a\nb<c>\u202Edef", 5)).isEqualTo("ab&lt;c&gt;…");
	}

	@Test
	void linkWhenUrlTriesToEndTheLinkEarlyEncodesIt() {
		assertThat(SlackText.link("https://x.example/a|<!channel>&b=1", null))
			.isEqualTo("<https://x.example/a%7C%3C!channel%3E&amp;b=1|https://x.example/a|&lt;!channel&gt;&amp;b=1>");
	}

}
