package dev.legends.ingest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The query parameters of an ingest request, decoded by Legends itself once the key is
 * checked: a bad percent-escape (e.g. {@code start=%ZZ}) is a 400 naming the parameter,
 * not a container error with a stack trace, and the servlet container never parses them.
 */
public final class QueryParameters {

	private final Map<String, String> values = new HashMap<>();

	private final Set<String> undecodable = new HashSet<>();

	private QueryParameters(String query) {
		if (query == null) {
			return;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
			if (name == null || name.isEmpty()) {
				continue;
			}
			String value = decode((equals >= 0) ? pair.substring(equals + 1) : "");
			if (value == null) {
				this.undecodable.add(name);
			}
			else if (!this.values.containsKey(name) && !this.undecodable.contains(name)) {
				this.values.put(name, value);
			}
		}
	}

	/**
	 * The parameters of a request's query string.
	 * @param request the request
	 * @return its parameters
	 */
	public static QueryParameters of(HttpServletRequest request) {
		return new QueryParameters(request.getQueryString());
	}

	/**
	 * A parameter's first value.
	 * @param name the parameter
	 * @return its decoded value, or {@code null} when absent
	 * @throws RuntimeException answered with 400 naming the parameter when its value is
	 * not valid percent-encoding
	 */
	public String get(String name) {
		if (this.undecodable.contains(name) && !this.values.containsKey(name)) {
			throw new InvalidParametersException(name, "is not valid URL encoding (write % as %25)");
		}
		return this.values.get(name);
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
