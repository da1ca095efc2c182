package dev.legends.ingest;

import java.io.IOException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code legends_ingest_requests_total{result,status}}: ingest requests (batches,
 * imports, OTLP) accepted (2xx) or refused (anything else, by status), so that refusals
 * and 5xx can be alerted on.
 */
@Component
class IngestMetrics extends OncePerRequestFilter {

	private final MeterRegistry registry;

	IngestMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !"POST".equals(request.getMethod())
				|| !(path.startsWith("/api/v1/usage") || path.startsWith("/otlp/v1/metrics"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			int status = response.getStatus();
			Counter.builder("legends.ingest.requests")
				.description("Ingest requests by result")
				.tag("result", (status / 100 == 2) ? "accepted" : "refused")
				.tag("status", Integer.toString(status))
				.register(this.registry)
				.increment();
		}
	}

}
