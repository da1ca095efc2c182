package dev.legends.slack;

import java.io.IOException;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import dev.legends.RefusalLog;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /slack/events} with Bolt, as Bolt's own servlet does, except that a
 * signed body Bolt cannot read (broken URL encoding, a payload that is not a JSON object
 * or lacks what its type needs) is answered 400 with one refusal log line instead of a
 * 500 and a stack trace. A failure while handling a readable request is still an error
 * worth its stack trace.
 */
class SlackEventsServlet extends HttpServlet {

	private static final Logger logger = LoggerFactory.getLogger(SlackEventsServlet.class);

	private final App app;

	private final SlackAppServletAdapter adapter;

	SlackEventsServlet(App app) {
		this.app = app;
		this.adapter = new SlackAppServletAdapter(app.config());
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Request<?> slackRequest = read(request);
		if (slackRequest == null) {
			RefusalLog.reason(request, "signed, but not a Slack request Bolt can read");
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType("application/json");
			response.getWriter().write("{\"error\":\"invalid_payload\"}");
			return;
		}
		Response slackResponse;
		try {
			slackResponse = this.app.run(slackRequest);
		}
		catch (Exception ex) {
			logger.error("Failed to handle a Slack {} request", slackRequest.getRequestType(), ex);
			response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
			response.setContentType("application/json");
			response.getWriter().write("{\"error\":\"internal_error\"}");
			return;
		}
		this.adapter.writeResponse(response, slackResponse);
	}

	private Request<?> read(HttpServletRequest request) throws IOException {
		try {
			return this.adapter.buildSlackRequest(request);
		}
		catch (RuntimeException ex) {
			logger.debug("Unreadable Slack request", ex);
			return null;
		}
	}

}
