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
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Slack Socket Mode endpoint: accepts WebSocket clients (one per app instance,
 * as Slack accepts several connections of one app), says {@code hello} to each, sends
 * each envelope to one connection (the next in turn, as Slack picks one) and hands back
 * what the apps answer (text frames only, enough for Socket Mode's JSON messages).
 */
public final class FakeSocketModeServer implements AutoCloseable {

	private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

	private final ServerSocket server;

	private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

	private final List<Socket> clients = new CopyOnWriteArrayList<>();

	private final AtomicInteger next = new AtomicInteger();

	private final AtomicInteger connections = new AtomicInteger();

	private final List<Message> log = new CopyOnWriteArrayList<>();

	private final Thread acceptor;

	public FakeSocketModeServer() throws IOException {
		this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
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
		awaitClients(1);
		sendTo(Math.floorMod(this.next.getAndIncrement(), this.clients.size()), json);
	}

	/**
	 * Send one envelope over one open connection.
	 * @param connection the index of an open connection, in the order they connected
	 * @param json the envelope
	 * @throws IOException when it is not connected
	 */
	public void sendTo(int connection, String json) throws IOException {
		awaitClients(connection + 1);
		writeFrame(this.clients.get(connection).getOutputStream(), json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Wait until this many connections are open.
	 * @param count how many connections
	 * @throws IOException when they did not connect within 30 seconds
	 */
	public void awaitClients(int count) throws IOException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (this.clients.size() < count && System.nanoTime() < deadline) {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted", ex);
			}
		}
		if (this.clients.size() < count) {
			throw new IOException(this.clients.size() + " Socket Mode clients connected, not " + count);
		}
	}

	/**
	 * Wait for the next message from the app that contains a text (messages before it
	 * that do not are passed over; {@link #messagesContaining} keeps every message).
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

	/**
	 * Every message the apps sent that contains a text, with the connection it came on.
	 * @param fragment the text
	 * @return the messages, oldest first
	 */
	public List<Message> messagesContaining(String fragment) {
		return this.log.stream().filter((message) -> message.text().contains(fragment)).toList();
	}

	/**
	 * A message an app sent.
	 *
	 * @param connection the number of the connection it came on (counting every
	 * connection ever opened, from 0)
	 * @param text the message
	 */
	public record Message(int connection, String text) {

	}

	private void serve() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				Thread reader = new Thread(() -> talk(socket), "fake-socket-mode-" + this.clients.size());
				reader.setDaemon(true);
				reader.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void talk(Socket socket) {
		try (socket) {
			handshake(socket);
			int connection = this.connections.getAndIncrement();
			this.clients.add(socket);
			writeFrame(socket.getOutputStream(),
					("{\"type\":\"hello\",\"num_connections\":" + this.clients.size() + "}")
						.getBytes(StandardCharsets.UTF_8));
			InputStream in = socket.getInputStream();
			while (!socket.isClosed()) {
				String message = readFrame(in, socket.getOutputStream());
				if (message == null) {
					return;
				}
				this.received.add(message);
				this.log.add(new Message(connection, message));
			}
		}
		catch (IOException ex) {
			// the app disconnected or the server was closed
		}
		finally {
			this.clients.remove(socket);
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

	private static void writeFrame(OutputStream out, byte[] payload) throws IOException {
		writeFrame(out, 0x81, payload);
	}

	/** Write a final frame: {@code 0x81} text, {@code 0x8A} pong. */
	private static synchronized void writeFrame(OutputStream out, int head, byte[] payload) throws IOException {
		out.write(head);
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

	private static String readFrame(InputStream in, OutputStream out) throws IOException {
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
			if (opcode == 0x9) {
				// answer pings as Slack does, or the client takes the connection for dead
				writeFrame(out, 0x8A, payload);
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
		for (Socket socket : this.clients) {
			socket.close();
		}
	}

}
