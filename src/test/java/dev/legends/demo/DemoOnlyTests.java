package dev.legends.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.RawHttp;
import dev.legends.testkit.SlackTestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Slack credentials set, nothing of the demo console is there: every demo path, its
 * static files included, answers 404 however it is spelled.
 */
@LegendsAppTest
class DemoOnlyTests {

	@Test
	void demoPathWhenSlackCredentialsSetAnswers404(SlackTestClient slack) {
		for (String path : List.of("/demo", "/demo/", "/demo/index.html", "/demo/index.html?run=me", "/demo/people",
				"/demo/outbox", "/demo/no-such-file.js", "//demo/index.html", "/./demo/index.html",
				"/demo/../demo/index.html", "/demo;x=1/index.html", "/demo/index.html;x=1", "/%64emo/index.html")) {
			for (String method : List.of("GET", "HEAD", "POST")) {
				assertThat(status(slack, method, path)).as("%s %s", method, path).isEqualTo(404);
			}
		}
	}

	private static int status(SlackTestClient slack, String method, String path) {
		return RawHttp
			.exchange(slack.baseUrl(), method, path, Map.of("Content-Type", "application/json"),
					"{}".getBytes(StandardCharsets.UTF_8))
			.status();
	}

}
