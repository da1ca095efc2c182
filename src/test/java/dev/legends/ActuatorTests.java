package dev.legends;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.LegendsAppTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators can probe health and scrape metrics.
 */
@LegendsAppTest
class ActuatorTests {

	@Test
	void healthWhenAppIsUpSaysUp(SlackTestClient slack) throws Exception {
		HttpResponse<String> response = get(slack.baseUrl() + "/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void prometheusWhenScrapedExposesJvmMetrics(SlackTestClient slack) throws Exception {
		HttpResponse<String> response = get(slack.baseUrl() + "/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes");
	}

	private static HttpResponse<String> get(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
