package dev.legends;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs refused requests (any 4xx answer) in at most one short line a minute: the first
 * refusal after a quiet minute is logged at once, the ones that follow within the minute
 * are counted and summed up in one line when it ends. A flood of forged or malformed
 * requests can neither fill the disk nor hide other log lines, and no refusal logs a
 * stack trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RefusalLog extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(RefusalLog.class);

	/** The shortest time between two lines. */
	static final Duration INTERVAL = Duration.ofMinutes(1);

	private static final String REASON = RefusalLog.class.getName() + ".reason";

	private static final int MAX_KINDS_LISTED = 4;

	private final Clock clock;

	private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "legends-refusal-log");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, Integer> pending = new LinkedHashMap<>();

	private Instant lastLine;

	private String lastReason;

	private boolean flushScheduled;

	RefusalLog() {
		this(Clock.systemUTC());
	}

	RefusalLog(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Name why a request is refused, for the log line (never a secret or request data).
	 * @param request the refused request
	 * @param reason a short reason, e.g. {@code timestamp more than 5 minutes old}
	 */
	public static void reason(HttpServletRequest request, String reason) {
		request.setAttribute(REASON, reason);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			int status = response.getStatus();
			if (status >= 400 && status < 500) {
				Object reason = request.getAttribute(REASON);
				refused(status + " " + request.getMethod() + " " + route(request.getRequestURI()),
						(reason != null) ? reason.toString() : null);
			}
		}
	}

	/**
	 * Count one refusal, logging it at once when no line was written in the last minute.
	 * @param kind status, method and path, e.g. {@code 401 POST /slack/events}
	 * @param reason why, or {@code null}
	 */
	synchronized void refused(String kind, String reason) {
		Instant now = this.clock.instant();
		if (reason != null) {
			this.lastReason = reason;
		}
		if (this.lastLine == null || !now.isBefore(this.lastLine.plus(INTERVAL))) {
			if (!this.pending.isEmpty()) {
				this.pending.merge(kind, 1, Integer::sum);
				flush();
				return;
			}
			this.lastLine = now;
			logger.warn("Refused {}{}; more refusals are summed up once a minute", kind,
					(reason != null) ? " (" + reason + ")" : "");
			return;
		}
		this.pending.merge(kind, 1, Integer::sum);
		if (!this.flushScheduled) {
			this.flushScheduled = true;
			long delay = Duration.between(now, this.lastLine.plus(INTERVAL)).toMillis();
			this.flusher.schedule(this::flush, delay, TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Write the summary line of the refusals counted since the last line, if any.
	 */
	synchronized void flush() {
		this.flushScheduled = false;
		if (this.pending.isEmpty()) {
			return;
		}
		int total = this.pending.values().stream().mapToInt(Integer::intValue).sum();
		String kinds = this.pending.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(MAX_KINDS_LISTED)
			.map((entry) -> entry.getValue() + " x " + entry.getKey())
			.collect(Collectors.joining(", "));
		String more = (this.pending.size() > MAX_KINDS_LISTED) ? ", ..." : "";
		logger.warn("Refused {} more requests in the last minute: {}{}{}", total, kinds, more,
				(this.lastReason != null) ? " (last reason: " + this.lastReason + ")" : "");
		this.pending.clear();
		this.lastReason = null;
		this.lastLine = this.clock.instant();
	}

	@Override
	public void destroy() {
		flush();
		this.flusher.shutdownNow();
	}

	/**
	 * The request path as it may appear in a log line: printable path characters only, at
	 * most 64 of them.
	 */
	private static String route(String uri) {
		String path = (uri != null) ? uri.replaceAll("[^A-Za-z0-9/._~-]", "?") : "";
		return (path.length() > 64) ? path.substring(0, 64) + "..." : path;
	}

}
