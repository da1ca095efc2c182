package dev.legends.slack;

import java.util.Locale;
import java.util.Set;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code legends_slack_ack_seconds{command}}: how long Legends takes to answer each Slack
 * request (Slack gives up after 3 s), per {@code /legends} subcommand and per kind of
 * interaction.
 */
class AckTimer implements Middleware {

	private static final Set<String> SUBCOMMANDS = Set.of("help", "top", "me", "why", "team", "report", "goals",
			"digest", "optout", "optin", "vacation", "key", "export");

	private final MeterRegistry registry;

	AckTimer(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
		long started = System.nanoTime();
		try {
			return chain.next(req);
		}
		finally {
			Timer.builder("legends.slack.ack")
				.description("Time to answer a Slack request")
				.tag("command", command(req))
				.register(this.registry)
				.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
		}
	}

	static String command(Request<?> request) {
		if (request instanceof SlashCommandRequest slash) {
			String text = (slash.getPayload().getText() != null) ? slash.getPayload().getText().trim() : "";
			String first = text.isEmpty() ? "help" : text.split("\\s+")[0].toLowerCase(Locale.ROOT);
			return SUBCOMMANDS.contains(first) ? first : "other";
		}
		return request.getRequestType().name().toLowerCase(Locale.ROOT);
	}

}
