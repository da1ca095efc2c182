package dev.legends.outcomes;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Normalises links so that one link counts once however it was pasted: scheme and host in
 * lower case, no fragment, no default port, no trailing slash, no {@code utm_*} tracking
 * parameters.
 */
final class Links {

	static final int MAX_LENGTH = 2000;

	private Links() {
	}

	/**
	 * Normalise an http(s) link.
	 * @param link the link as typed
	 * @return the normalised link, or empty when it is not an http(s) link with a host
	 */
	static Optional<String> normalise(String link) {
		if (link == null || link.isBlank()) {
			return Optional.empty();
		}
		try {
			URI uri = new URI(link.strip());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null
					|| uri.getHost().isBlank()) {
				return Optional.empty();
			}
			String host = uri.getHost().toLowerCase(Locale.ROOT);
			int port = uri.getPort();
			boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
					|| (scheme.equals("https") && port == 443);
			String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
			while (path.endsWith("/")) {
				path = path.substring(0, path.length() - 1);
			}
			String query = query(uri.getRawQuery());
			return Optional.of(scheme + "://" + host + (defaultPort ? "" : ":" + port) + path
					+ (query.isEmpty() ? "" : "?" + query));
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	private static String query(String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return "";
		}
		return Arrays.stream(rawQuery.split("&"))
			.filter((pair) -> !pair.isEmpty() && !pair.toLowerCase(Locale.ROOT).startsWith("utm_"))
			.collect(Collectors.joining("&"));
	}

}
