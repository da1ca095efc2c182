package dev.legends.ingest;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import dev.legends.testkit.IngestClient;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.RawHttp;
import dev.legends.testkit.SlackTestClient;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest endpoints as a careless or hostile client uses them: the key is checked
 * first, bad input is a 4xx naming what is wrong, oversized uploads are refused at once
 * from their declared length with an answer the client can read, and none of it logs a
 * stack trace or more than one short line a minute.
 */
@LegendsAppTest
@ExtendWith(OutputCaptureExtension.class)
class IngestHygieneTests {

	private static final JsonMapper JSON = new JsonMapper();

	private static final String[] UPLOADS = { "/api/v1/usage", "/api/v1/usage/import?format=csv", "/otlp/v1/metrics" };

	@Test
	void summaryWhenStartUndecodableAndNoKeyAnswers401(SlackTestClient slack) {
		RawHttp.Response response = new IngestClient(slack.baseUrl(), null).raw("GET",
				"/api/v1/usage/summary?start=%ZZ", null, null);
		assertThat(response.status()).isEqualTo(401);
		assertThat(json(response.body()).get("error").asString()).isEqualTo("unauthorized");
	}

	@Test
	void summaryWhenStartUndecodableAnswers400NamingStart(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "hygiene");
		RawHttp.Response response = api.raw("GET", "/api/v1/usage/summary?start=%ZZ&end=2026-12-01T00:00:00Z", null,
				null);
		assertThat(response.status()).isEqualTo(400);
		assertThat(json(response.body()).get("details").get(0).get("field").asString()).isEqualTo("start");
	}

	@Test
	void importWhenFormatUndecodableAnswers401WithoutKeyAnd400NamingFormatWithKey(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "hygiene");
		String path = "/api/v1/usage/import?format=%ZZ";
		assertThat(api.withKey(null).raw("POST", path, "text/csv", bytes("a,b")).status()).isEqualTo(401);
		RawHttp.Response response = api.raw("POST", path, "text/csv", bytes("a,b"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(json(response.body()).get("details").get(0).get("field").asString()).isEqualTo("format");
	}

	@Test
	void requestsWhenBadAndRepeatedLogNoStackTraceAndAtMostOneLine(SlackTestClient slack, CapturedOutput output) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "hygiene");
		int logged = output.length();
		for (int i = 0; i < 50; i++) {
			assertThat(api.withKey(null).raw("GET", "/api/v1/usage/summary?start=%ZZ", null, null).status())
				.isEqualTo(401);
			assertThat(api.raw("GET", "/api/v1/usage/summary?start=%ZZ", null, null).status()).isEqualTo(400);
		}
		String written = output.toString().substring(logged);
		assertThat(written).doesNotContain("\tat ").doesNotContain("Exception");
		assertThat(written.lines().filter((line) -> line.contains("Refused"))).hasSizeLessThanOrEqualTo(1);
	}

	@Test
	void endpointsWhenFedGarbageNeverAnswer5xxNorLogAStackTrace(SlackTestClient slack, CapturedOutput output) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "hygiene");
		int logged = output.length();
		SoftAssertions softly = new SoftAssertions();
		List<String> paths = new ArrayList<>(List.of("/api/v1/usage", "/otlp/v1/metrics"));
		for (String format : List.of("openai-usage", "anthropic-usage", "claude-code-analytics", "ccusage-daily",
				"litellm-spend", "csv")) {
			paths.add("/api/v1/usage/import?format=" + format + "&user=ada@example.com");
		}
		for (String path : paths) {
			for (byte[] body : garbage()) {
				for (String type : List.of("application/json", "application/x-protobuf", "text/csv",
						"multipart/form-data; boundary=xyz")) {
					HttpResponse<String> response = api.post(path, type, body);
					softly.assertThat(response.statusCode())
						.as("%s %s %s", path, type, printable(body))
						.isLessThan(500);
				}
			}
		}
		for (String query : List.of("start=%ZZ", "start=2026-13-45T00:00:00Z&end=2026-12-01T00:00:00Z",
				"start=2026-12-01T00:00:00Z&end=2026-11-01T00:00:00Z", "start=%&end=%", "start=&end=", "%ZZ=1")) {
			softly.assertThat(api.raw("GET", "/api/v1/usage/summary?" + query, null, null).status())
				.as(query)
				.isEqualTo(400);
		}
		softly.assertAll();
		assertThat(output.toString().substring(logged)).doesNotContain("\tat ").doesNotContain("Exception");
	}

	@Test
	void uploadWhenDeclaredLengthTooLargeAnswers413BeforeTheBodyIsSent(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "hygiene");
		for (String path : UPLOADS) {
			assertThat(api.statusBeforeBodyIsSent(path, "application/json", 200_000_000L, "{\"records\"")).as(path)
				.isEqualTo(413);
		}
	}

	@Test
	void uploadWhenStreamedBodyTooLargeLetsTheClientRead413(SlackTestClient slack) {
		IngestClient api = IngestClient.withNewKey(slack.inNewTeam(), "hygiene");
		for (String path : UPLOADS) {
			for (long size : new long[] { IngestLimits.MAX_BYTES + 1L, 200_000_000L }) {
				HttpResponse<String> response = api.postZeros(path,
						path.startsWith("/otlp") ? "application/x-protobuf" : "application/json", size);
				assertThat(response.statusCode()).as("%s with %d bytes", path, size).isEqualTo(413);
			}
		}
	}

	private static List<byte[]> garbage() {
		List<byte[]> bodies = new ArrayList<>();
		for (String text : List.of("", "{", "[]", "null", "42", "\"x\"", "{\"records\":5}",
				"{\"records\":[1,null,\"x\",[]]}", "{\"records\":[{\"user\":5,\"start\":[]}]}", "{\"data\":{}}",
				"{\"data\":[{\"results\":5}]}", "{\"resourceMetrics\":5}",
				"{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"sum\":{\"dataPoints\":[{\"asInt\":\"x\"}]}}]}]}]}",
				"a,b,c\n1,2", "\"unterminated,quote\n",
				"--xyz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n", "\u0000\u00ff\u0001")) {
			bodies.add(bytes(text));
		}
		Random random = new Random(20261205L);
		for (int i = 0; i < 3; i++) {
			byte[] noise = new byte[1 + random.nextInt(2000)];
			random.nextBytes(noise);
			bodies.add(noise);
		}
		return bodies;
	}

	private static String printable(byte[] body) {
		String text = new String(Arrays.copyOf(body, Math.min(body.length, 60)), StandardCharsets.ISO_8859_1);
		return text.replaceAll("[^\\x20-\\x7e]", "?");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static JsonNode json(String body) {
		return JSON.readTree(body);
	}

}
