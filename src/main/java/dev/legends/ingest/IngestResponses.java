package dev.legends.ingest;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes every ingest answer readable by the client, refusals included: each is sent whole
 * with its {@code Content-Length} (never a chunked answer that a closed connection cuts
 * short), and an error answer to a request whose body was not read to the end (e.g. a 413
 * decided from the declared length) says {@code Connection: close} and is flushed before
 * the server closes the connection, instead of the server reading the rest of the body
 * first.
 */
class IngestResponses extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper whole = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, whole);
		if (whole.getStatus() >= 400 && !bodyFullyRead(request)) {
			whole.setHeader(HttpHeaders.CONNECTION, "close");
		}
		whole.copyBodyToResponse();
		response.flushBuffer();
	}

	private static boolean bodyFullyRead(HttpServletRequest request) {
		if (request.getContentLengthLong() == 0) {
			return true;
		}
		try {
			return request.getInputStream().isFinished();
		}
		catch (IllegalStateException | IOException ex) {
			return false;
		}
	}

}
