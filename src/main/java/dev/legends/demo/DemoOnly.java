package dev.legends.demo;

import java.io.IOException;

import dev.legends.slack.SlackMode;
import dev.legends.slack.SlackRuntime;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hides every demo path ({@code /demo}, {@code /demo/**}, the console's static files
 * included) with a 404 unless Legends runs in demo mode, so that an installation
 * connected to Slack shows no trace of the console.
 */
class DemoOnly extends OncePerRequestFilter {

	private final SlackRuntime runtime;

	DemoOnly(SlackRuntime runtime) {
		this.runtime = runtime;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.runtime.mode() == SlackMode.DEMO;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
	}

}
