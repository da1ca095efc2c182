package dev.legends;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load balancers probe health on the main port; Prometheus scrapes metrics on the
 * management port only.
 */
@LegendsAppTest
class ActuatorTests {

	@Value("${local.management.port}")
	int managementPort;

	@Test
	void healthWhenAppIsUpSaysUpOnTheMainPort(SlackTestClient slack) throws Exception {
		HttpResponse<String> response = get(slack.baseUrl() + "/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void healthWhenProbedForLivenessAndReadinessSaysUpOnTheMainPort(SlackTestClient slack) throws Exception {
		for (String probe : new String[] { "liveness", "readiness" }) {
			HttpResponse<String> response = get(slack.baseUrl() + "/actuator/health/" + probe);
			assertThat(response.statusCode()).as(probe).isEqualTo(200);
			assertThat(response.body()).as(probe).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void healthWhenAskedOnTheMainPortShowsTheStatusAloneAndTheManagementPortShowsTheDetails(SlackTestClient slack)
			throws Exception {
		for (String path : new String[] { "/actuator/health", "/actuator/health/readiness" }) {
			HttpResponse<String> response = get(slack.baseUrl() + path);
			assertThat(response.body()).as(path).isEqualTo("{\"status\":\"UP\"}");
		}
		HttpResponse<String> details = get("http://127.0.0.1:" + this.managementPort + "/actuator/health");
		assertThat(details.statusCode()).isEqualTo(200);
		assertThat(details.body()).contains("\"components\"", "\"db\"", "\"rollups\"", "\"quarantined\"");
	}

	@Test
	void prometheusWhenScrapedOnTheManagementPortExposesJvmMetrics(SlackTestClient slack) throws Exception {
		assertThat(this.managementPort).isNotEqualTo(port(slack));
		HttpResponse<String> response = get("http://127.0.0.1:" + this.managementPort + "/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void prometheusWhenAskedOnTheMainPortIsNotThere(SlackTestClient slack) throws Exception {
		for (String path : new String[] { "/actuator/prometheus", "/actuator", "/actuator/info",
				"/actuator/health/../prometheus" }) {
			HttpResponse<String> response = get(slack.baseUrl() + path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).doesNotContain("jvm_memory_used_bytes");
		}
	}

	private static int port(SlackTestClient slack) {
		return URI.create(slack.baseUrl()).getPort();
	}

	private static HttpResponse<String> get(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
