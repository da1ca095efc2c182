package dev.legends.slack;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackMessages;
import dev.legends.testkit.SlackTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request to {@code /slack/events} is checked against Slack's signature before
 * anything parses it: malformed, forged, stale, future, unsigned or oversized requests
 * get a 4xx, change nothing and log no stack trace.
 */
@LegendsAppTest
@ExtendWith(OutputCaptureExtension.class)
class SlackSignatureFilterTests {

	private static final String FORM = "application/x-www-form-urlencoded";

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void requestWhenUnsignedAndPayloadMalformedAnswers401WithoutStackTrace(SlackTestClient slack, FakeSlackApi fake,
			CapturedOutput output) {
		int logged = output.length();
		HttpResponse<String> response = slack.sendWithSignature("payload=%7B", FORM, now(), null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(fake.calls()).isEmpty();
		assertNoStackTrace(output, logged);
	}

	@Test
	void requestWhenForgedAndPayloadMalformedAnswers401WithoutStackTrace(SlackTestClient slack, FakeSlackApi fake,
			CapturedOutput output) {
		int logged = output.length();
		HttpResponse<String> response = slack.send("payload=%7B", FORM, now(), "not-the-secret");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(fake.calls()).isEmpty();
		assertNoStackTrace(output, logged);
	}

	@ParameterizedTest
	@ValueSource(strings = { "payload=%7B", "payload=%7B%22type%22%3A%22block_actions%22", "payload=not-json",
			"payload=%5B1%2C2%5D", "payload=%7B%22type%22%3A%22view_submission%22%7D", "%%%", "payload=%ZZ" })
	void requestWhenSignedButPayloadMalformedAnswers400WithoutStackTrace(String body, SlackTestClient slack,
			FakeSlackApi fake, CapturedOutput output) {
		int logged = output.length();
		HttpResponse<String> response = slack.send(body, FORM, now(), SlackTestClient.SIGNING_SECRET);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("invalid_payload");
		assertThat(fake.calls()).isEmpty();
		assertNoStackTrace(output, logged);
	}

	@Test
	void requestWhenSignedButJsonEventMalformedAnswers400WithoutStackTrace(SlackTestClient slack, FakeSlackApi fake,
			CapturedOutput output) {
		int logged = output.length();
		HttpResponse<String> response = slack.send("{\"type\":\"event_callback\",", "application/json", now(),
				SlackTestClient.SIGNING_SECRET);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(fake.calls()).isEmpty();
		assertNoStackTrace(output, logged);
	}

	@Test
	void requestWhenTimestampAYearAheadIsRefusedAndChangesNothing(SlackTestClient slack, FakeSlackApi fake) {
		long aYearAhead = Instant.now().plus(Duration.ofDays(365)).getEpochSecond();
		assertRefused(signedOptOut(slack, "UFUTURE1", aYearAhead), fake, "UFUTURE1");
	}

	@Test
	void requestWhenTimestampSixMinutesAheadIsRefusedAndChangesNothing(SlackTestClient slack, FakeSlackApi fake) {
		long sixMinutesAhead = Instant.now().plusSeconds(360).getEpochSecond();
		assertRefused(signedOptOut(slack, "UFUTURE2", sixMinutesAhead), fake, "UFUTURE2");
	}

	@Test
	void requestWhenTimestampFourMinutesAheadOrBehindIsAccepted(SlackTestClient slack) {
		assertThat(signedOptOut(slack, "USKEW1", Instant.now().plusSeconds(240).getEpochSecond()).statusCode())
			.isEqualTo(200);
		assertThat(signedOptOut(slack, "USKEW2", Instant.now().minusSeconds(240).getEpochSecond()).statusCode())
			.isEqualTo(200);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from member where slack_user_id in ('USKEW1', 'USKEW2') and opted_out", Integer.class))
			.isEqualTo(2);
	}

	@Test
	void requestWhenTimestampIsNotANumberIsRefusedAndChangesNothing(SlackTestClient slack, FakeSlackApi fake) {
		String body = slack.commandBody("UNOTIME", "optout", SlackTestClient.CHANNEL);
		String signature = SlackTestClient.sign(SlackTestClient.SIGNING_SECRET, now(), body);
		assertRefused(slack.sendWithSignature(body, FORM, "soon", signature), fake, "UNOTIME");
	}

	@Test
	void requestWhenSignatureHeaderAloneIsSentIsRefused(SlackTestClient slack, FakeSlackApi fake) {
		String body = slack.commandBody("UNOSIG", "optout", SlackTestClient.CHANNEL);
		assertRefused(slack.sendWithSignature(body, FORM, now(), "v0="), fake, "UNOSIG");
	}

	@Test
	void requestWhenSignedBodyAboveOneMegabyteAnswers413AndChangesNothing(SlackTestClient slack, FakeSlackApi fake) {
		String body = slack.commandBody("UHUGE", "optout " + "x".repeat(SlackSignatureFilter.MAX_BYTES),
				SlackTestClient.CHANNEL);
		HttpResponse<String> response = slack.send(body, FORM, now(), SlackTestClient.SIGNING_SECRET);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(fake.calls()).isEmpty();
		assertThat(memberCount("UHUGE")).isZero();
	}

	@Test
	void requestWhenSignedWithNonAsciiTextReachesTheAppUnchanged(SlackTestClient slack) {
		HttpResponse<String> response = slack.command("UACCENT", "dansé 🚀");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(SlackMessages.visibleText(response.body())).contains("dansé 🚀");
	}

	private static HttpResponse<String> signedOptOut(SlackTestClient slack, String userId, long timestamp) {
		String body = slack.commandBody(userId, "optout", SlackTestClient.CHANNEL);
		return slack.send(body, FORM, timestamp, SlackTestClient.SIGNING_SECRET);
	}

	private void assertRefused(HttpResponse<String> response, FakeSlackApi fake, String userId) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(fake.calls()).isEmpty();
		assertThat(memberCount(userId)).isZero();
	}

	private int memberCount(String userId) {
		return this.jdbc.queryForObject("select count(*) from member where slack_user_id = ?", Integer.class, userId);
	}

	private static void assertNoStackTrace(CapturedOutput output, int from) {
		assertThat(output.toString().substring(from)).doesNotContain("\tat ").doesNotContain("Exception");
	}

	private static long now() {
		return Instant.now().getEpochSecond();
	}

}
