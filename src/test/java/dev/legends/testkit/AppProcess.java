package dev.legends.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.legends.LegendsApplication;

/**
 * The app in a JVM of its own, started the way an operator starts it (environment as
 * command-line properties, the test environment's Slack fake and credentials), for tests
 * of several instances: it can be stopped with SIGTERM or killed with SIGKILL.
 */
public final class AppProcess implements AutoCloseable {

	private final Process process;

	private final Path log;

	private final int port;

	private AppProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/**
	 * Start an instance with the test environment, overridden by {@code overrides}; its
	 * output goes to {@code log}.
	 * @param overrides variables to set or change
	 * @param log the log file
	 * @return the starting instance (see {@link #awaitStarted})
	 */
	public static AppProcess start(Map<String, String> overrides, Path log) {
		Map<String, Object> environment = new LinkedHashMap<>(LegendsTestInitializer.environment());
		int port = freePort();
		environment.put("SERVER_PORT", Integer.toString(port));
		environment.put("management.server.port", Integer.toString(freePort()));
		environment.putAll(overrides);
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp",
				classPath, LegendsApplication.class.getName()));
		environment.forEach((name, value) -> command.add("--" + name + "=" + value));
		try {
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new AppProcess(process, log, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Wait until the app has started (or fail with the end of its log).
	 * @param timeout how long at most
	 * @return this instance
	 */
	public AppProcess awaitStarted(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			String output = log();
			if (output.contains("Started LegendsApplication")) {
				return this;
			}
			if (!this.process.isAlive()) {
				break;
			}
			Thread.sleep(200);
		}
		String output = log();
		throw new IllegalStateException("Instance on port " + this.port + " did not start; its log ends with:\n"
				+ output.substring(Math.max(0, output.length() - 4000)));
	}

	public int port() {
		return this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** Kill it at once (SIGKILL), as a crash or an OOM killer does. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/**
	 * Stop it as an orchestrator does (SIGTERM) and wait for it to exit.
	 * @param timeout how long to wait before killing it
	 * @return its exit status
	 */
	public int stop(Duration timeout) throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor();
		}
		return this.process.exitValue();
	}

	/**
	 * Its output so far.
	 * @return the log
	 */
	public String log() {
		try {
			return Files.exists(this.log) ? new String(Files.readAllBytes(this.log), StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			stop(Duration.ofSeconds(60));
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
