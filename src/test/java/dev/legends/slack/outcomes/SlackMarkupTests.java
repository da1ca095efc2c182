package dev.legends.slack.outcomes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slack markup becomes plain words when it prefills a title.
 */
class SlackMarkupTests {

	@Test
	void plainWhenMentionsChannelsAndLinksGivesReadableText() {
		assertThat(SlackMarkup.plain("Paired with <@U123|bea> in <#C1|dev> on <https://x.io/1|the PR> &amp; more"))
			.isEqualTo("Paired with @bea in #dev on the PR & more");
	}

	@Test
	void firstUrlWhenLinkPresentFindsIt() {
		assertThat(SlackMarkup.firstUrl("Merged <https://github.com/a/b/pull/1|#1> today"))
			.isEqualTo("https://github.com/a/b/pull/1");
		assertThat(SlackMarkup.firstUrl("no link")).isNull();
	}

	@Test
	void cutWhenTooLongCutsOnAWord() {
		assertThat(SlackMarkup.cut("one two three four", 10)).isEqualTo("one two…");
	}

}
