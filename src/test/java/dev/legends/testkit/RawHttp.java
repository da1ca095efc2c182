package dev.legends.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends an HTTP/1.1 request over a plain socket exactly as written, for what
 * {@code java.net.http} refuses to send (a query such as {@code start=%ZZ}, an unusual
 * path spelling, a declared length larger than the bytes sent) and reads the answer.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Send a request and read its whole answer.
	 * @param baseUrl e.g. {@code http://127.0.0.1:1234}
	 * @param method the method
	 * @param target the request target as sent, e.g.
	 * {@code /api/v1/usage/summary?start=%ZZ}
	 * @param headers extra headers
	 * @param body the body (its length is declared), or {@code null}
	 * @return the answer
	 */
	public static Response exchange(String baseUrl, String method, String target, Map<String, String> headers,
			byte[] body) {
		byte[] content = (body != null) ? body : new byte[0];
		Map<String, String> all = new LinkedHashMap<>(headers);
		all.put("Content-Length", String.valueOf(content.length));
		return exchange(baseUrl, method, target, all, content, true);
	}

	/**
	 * Send a request head and the first bytes of its body, then read the answer while the
	 * rest of the body is still due.
	 * @param baseUrl e.g. {@code http://127.0.0.1:1234}
	 * @param method the method
	 * @param target the request target
	 * @param headers the headers, {@code Content-Length} included
	 * @param firstBytes the part of the body sent
	 * @return the answer (its status at least)
	 */
	public static Response partial(String baseUrl, String method, String target, Map<String, String> headers,
			byte[] firstBytes) {
		return exchange(baseUrl, method, target, headers, firstBytes, false);
	}

	private static Response exchange(String baseUrl, String method, String target, Map<String, String> headers,
			byte[] bytes, boolean whole) {
		URI base = URI.create(baseUrl);
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			socket.setSoTimeout(30_000);
			StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
					+ base.getPort() + "\r\nConnection: close\r\n");
			headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			OutputStream out = socket.getOutputStream();
			out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(bytes);
			out.flush();
			return read(socket.getInputStream(), whole);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Response read(InputStream in, boolean whole) throws IOException {
		String statusLine = line(in);
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line = line(in); !line.isEmpty(); line = line(in)) {
			int colon = line.indexOf(':');
			headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
		}
		int status = Integer.parseInt(statusLine.split(" ")[1]);
		if (!whole) {
			return new Response(status, headers, "");
		}
		byte[] body;
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			ByteArrayOutputStream chunks = new ByteArrayOutputStream();
			for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(),
					16)) {
				chunks.write(in.readNBytes(size));
				line(in);
			}
			body = chunks.toByteArray();
		}
		else if (headers.containsKey("content-length")) {
			body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
		}
		else {
			body = in.readAllBytes();
		}
		return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	/**
	 * An answer.
	 *
	 * @param status the status code
	 * @param headers the headers, names in lower case
	 * @param body the body, decoded as UTF-8
	 */
	public record Response(int status, Map<String, String> headers, String body) {

	}

}
