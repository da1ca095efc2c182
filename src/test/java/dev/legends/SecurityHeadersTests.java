package dev.legends;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.legends.testkit.IngestClient;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackTestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer of the main port, errors included, tells browsers not to sniff content
 * types, not to frame it and not to send referrers.
 */
@LegendsAppTest
class SecurityHeadersTests {

	@Test
	void answerWhenAnyKindCarriesTheSecurityHeaders(SlackTestClient slack) throws Exception {
		Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
		answers.put("health", get(slack.baseUrl() + "/actuator/health"));
		answers.put("unknown path", get(slack.baseUrl() + "/no/such/page"));
		answers.put("signed command", slack.command("UHEADERS", "help"));
		answers.put("unsigned Slack request", slack.sendWithSignature("payload=%7B",
				"application/x-www-form-urlencoded", Instant.now().getEpochSecond(), null));
		answers.put("ingest without key", new IngestClient(slack.baseUrl(), null).get("/api/v1/usage/summary"));
		answers.put("OTLP without key",
				new IngestClient(slack.baseUrl(), null).post("/otlp/v1/metrics", "application/json", new byte[0]));
		answers.forEach((kind, response) -> {
			assertThat(response.headers().firstValue("X-Content-Type-Options")).as(kind).hasValue("nosniff");
			assertThat(response.headers().firstValue("X-Frame-Options")).as(kind).hasValue("DENY");
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(kind)
				.hasValue("frame-ancestors 'none'");
			assertThat(response.headers().firstValue("Referrer-Policy")).as(kind).hasValue("no-referrer");
		});
	}

	private static HttpResponse<String> get(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
