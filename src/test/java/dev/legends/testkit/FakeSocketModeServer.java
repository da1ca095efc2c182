package dev.legends.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal Slack Socket Mode endpoint: accepts one WebSocket client, says {@code hello},
 * sends envelopes and hands back what the app answers (text frames only, enough for
 * Socket Mode's JSON messages).
 */
public final class FakeSocketModeServer implements AutoCloseable {

	private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

	private final ServerSocket server;

	private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

	private volatile Socket client;

	private final Thread acceptor;

	public FakeSocketModeServer() throws IOException {
		this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		this.acceptor = new Thread(this::serve, "fake-socket-mode");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	/**
	 * The {@code wss}-style URL to hand out from {@code apps.connections.open}.
	 * @return a {@code ws://} URL on the loopback interface
	 */
	public String url() {
		return "ws://127.0.0.1:" + this.server.getLocalPort() + "/link";
	}

	/**
	 * Send one envelope to the connected app.
	 * @param json the envelope
	 * @throws IOException when the app is not connected
	 */
	public void send(String json) throws IOException {
		Socket socket = awaitClient();
		writeFrame(socket.getOutputStream(), json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Wait for the next message from the app that contains a text.
	 * @param fragment the text to wait for
	 * @param timeout how long to wait
	 * @return the message, or {@code null} on timeout
	 * @throws InterruptedException when interrupted
	 */
	public String awaitMessageContaining(String fragment, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			String message = this.received.poll(50, TimeUnit.MILLISECONDS);
			if (message != null && message.contains(fragment)) {
				return message;
			}
		}
		return null;
	}

	private Socket awaitClient() throws IOException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (this.client == null && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		if (this.client == null) {
			throw new IOException("No Socket Mode client connected");
		}
		return this.client;
	}

	private void serve() {
		try (Socket socket = this.server.accept()) {
			handshake(socket);
			this.client = socket;
			writeFrame(socket.getOutputStream(),
					"{\"type\":\"hello\",\"num_connections\":1}".getBytes(StandardCharsets.UTF_8));
			InputStream in = socket.getInputStream();
			while (!socket.isClosed()) {
				String message = readFrame(in);
				if (message == null) {
					return;
				}
				this.received.add(message);
			}
		}
		catch (IOException ex) {
			// the app disconnected or the server was closed
		}
	}

	private static void handshake(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("Handshake cut short");
			}
			head.write(b);
		}
		String key = head.toString(StandardCharsets.ISO_8859_1)
			.lines()
			.filter((line) -> line.toLowerCase().startsWith("sec-websocket-key:"))
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.findFirst()
			.orElseThrow(() -> new IOException("No Sec-WebSocket-Key"));
		String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n";
		socket.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
		socket.getOutputStream().flush();
	}

	private static String accept(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1")
				.digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.ISO_8859_1));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static synchronized void writeFrame(OutputStream out, byte[] payload) throws IOException {
		out.write(0x81);
		if (payload.length < 126) {
			out.write(payload.length);
		}
		else if (payload.length < 65536) {
			out.write(126);
			out.write(payload.length >>> 8);
			out.write(payload.length & 0xFF);
		}
		else {
			out.write(127);
			for (int shift = 56; shift >= 0; shift -= 8) {
				out.write((int) (((long) payload.length >>> shift) & 0xFF));
			}
		}
		out.write(payload);
		out.flush();
	}

	private static String readFrame(InputStream in) throws IOException {
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		while (true) {
			int first = in.read();
			int second = in.read();
			if (first < 0 || second < 0) {
				return null;
			}
			long length = second & 0x7F;
			if (length == 126) {
				length = (in.read() << 8) | in.read();
			}
			else if (length == 127) {
				length = 0;
				for (int i = 0; i < 8; i++) {
					length = (length << 8) | in.read();
				}
			}
			byte[] mask = ((second & 0x80) != 0) ? in.readNBytes(4) : new byte[4];
			byte[] payload = in.readNBytes((int) length);
			for (int i = 0; i < payload.length; i++) {
				payload[i] ^= mask[i % 4];
			}
			int opcode = first & 0x0F;
			if (opcode == 0x8) {
				return null;
			}
			if (opcode == 0x1 || opcode == 0x0) {
				message.write(payload);
			}
			if ((first & 0x80) != 0 && (opcode == 0x1 || opcode == 0x0)) {
				return message.toString(StandardCharsets.UTF_8);
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		Socket socket = this.client;
		if (socket != null) {
			socket.close();
		}
	}

}
