package dev.legends.outcomes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One link counts once however it was pasted.
 */
class LinksTests {

	@Test
	void normaliseWhenSameLinkWrittenDifferentlyGivesOneForm() {
		assertThat(Links.normalise(" HTTPS://GitHub.com/acme/app/pull/42/#discussion "))
			.contains("https://github.com/acme/app/pull/42");
		assertThat(Links.normalise("https://github.com:443/acme/app/pull/42?utm_source=slack"))
			.contains("https://github.com/acme/app/pull/42");
	}

	@Test
	void normaliseWhenNotHttpIsEmpty() {
		assertThat(Links.normalise("ftp://example.com/file")).isEmpty();
		assertThat(Links.normalise("javascript:alert(1)")).isEmpty();
		assertThat(Links.normalise("not a link")).isEmpty();
	}

}
