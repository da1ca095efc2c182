package dev.legends.slack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

import com.google.gson.Gson;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import dev.legends.workspace.InsertIfAbsent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Acts on each modal submission once: the very same submission (same team, view id, view
 * hash and values) arriving again, at the same moment or later, on any instance, is
 * answered by closing the modal and changes nothing. A submission answered with errors is
 * forgotten, so that sending the form again after fixing it (or unchanged, after a
 * passing problem) is acted on.
 */
@Component
class SubmissionsOnce implements Middleware {

	private static final Logger logger = LoggerFactory.getLogger(SubmissionsOnce.class);

	/** How long a submission is remembered. */
	static final Duration KEPT = Duration.ofDays(1);

	private static final Gson GSON = new Gson();

	private final JdbcTemplate jdbc;

	private final InsertIfAbsent inserts;

	private final Clock clock;

	SubmissionsOnce(JdbcTemplate jdbc, InsertIfAbsent inserts, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.inserts = inserts;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
		if (!(req instanceof ViewSubmissionRequest submission)) {
			return chain.next(req);
		}
		String key = key(submission.getPayload());
		if (!claim(key)) {
			logger.info("The same submission of view {} arrived again: acted on once",
					submission.getPayload().getView().getId());
			return Response.ok();
		}
		boolean keep = false;
		try {
			Response answer = chain.next(req);
			keep = !isErrors(answer);
			return answer;
		}
		finally {
			if (!keep) {
				this.jdbc.update("delete from slack_view_submission where submission_key = ?", key);
			}
		}
	}

	private boolean claim(String key) {
		Instant now = this.clock.instant();
		this.jdbc.update("delete from slack_view_submission where received_at < ?",
				now.minus(KEPT).atOffset(ZoneOffset.UTC));
		return this.inserts.insert("insert into slack_view_submission (submission_key, received_at) values (?, ?)", key,
				now.atOffset(ZoneOffset.UTC));
	}

	private static boolean isErrors(Response answer) {
		return answer == null || answer.getStatusCode() != 200
				|| (answer.getBody() != null && answer.getBody().contains("\"errors\""));
	}

	/**
	 * Team, view id and hash, and a digest of the submitted values (the same view
	 * submitted again after an errors answer carries the same id and hash).
	 */
	static String key(ViewSubmissionPayload payload) {
		View view = payload.getView();
		String values = (view.getState() != null) ? GSON.toJson(view.getState().getValues()) : "";
		String team = (payload.getTeam() != null) ? payload.getTeam().getId() : "";
		return team + ":" + view.getId() + ":" + view.getHash() + ":" + sha256(values);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
