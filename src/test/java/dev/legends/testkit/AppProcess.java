package dev.legends.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.legends.LegendsApplication;

/**
 * Starts the real application in a JVM of its own, with the same Java and class path as
 * the tests and the test environment as command-line properties, for tests that kill it
 * with SIGKILL, fill its disk or watch it refuse to start. Its output (standard output
 * and error) is kept line by line.
 */
public final class AppProcess implements AutoCloseable {

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private static final String STARTED = "Started " + LegendsApplication.class.getSimpleName() + " in";

	private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

	private final Process process;

	private final List<String> lines = new ArrayList<>();

	private int port;

	private boolean started;

	private boolean readerDone;

	private AppProcess(Process process) {
		this.process = process;
		Thread reader = new Thread(this::readOutput, "app-process-output-" + process.pid());
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Start the app on a random port with the test environment, overridden by
	 * {@code overrides}; returns at once (see {@link #awaitStarted()}).
	 * @param overrides variables to set or change
	 * @return the starting app
	 */
	public static AppProcess start(Map<String, String> overrides) {
		return start(overrides, JVM_OPTIONS);
	}

	/**
	 * Start the app on a random port with the test environment, overridden by
	 * {@code overrides}, with JVM options of its own (e.g. for a benchmark: the full JIT
	 * compiler and a larger heap); returns at once (see {@link #awaitStarted()}).
	 * @param overrides variables to set or change
	 * @param jvmOptions the JVM's options
	 * @return the starting app
	 */
	public static AppProcess start(Map<String, String> overrides, List<String> jvmOptions) {
		Map<String, Object> environment = new LinkedHashMap<>(LegendsTestInitializer.environment());
		environment.put("SERVER_PORT", "0");
		environment.putAll(overrides);
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>();
		command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", classPath, LegendsApplication.class.getName()));
		environment.forEach((name, value) -> command.add("--" + name + "=" + value));
		try {
			return new AppProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Wait until the app serves HTTP (at most five minutes: a loaded machine starts
	 * slowly).
	 * @return this app
	 * @throws IllegalStateException if it ends or does not start in time (with its
	 * output)
	 */
	public AppProcess awaitStarted() {
		return awaitStarted(Duration.ofMinutes(5));
	}

	/**
	 * Wait until the app serves HTTP.
	 * @param timeout how long at most (several apps starting at once on a busy machine
	 * need more than one alone)
	 * @return this app
	 * @throws IllegalStateException if it ends or does not start in time (with its
	 * output)
	 */
	public AppProcess awaitStarted(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.lines) {
			while (!this.started) {
				if (!this.process.isAlive() && this.readerDone) {
					throw new IllegalStateException("The app ended with status " + this.process.exitValue()
							+ " before it started:\n" + String.join("\n", this.lines));
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new IllegalStateException("The app did not start in time:\n" + String.join("\n", this.lines));
				}
				waitOnLines(TimeUnit.NANOSECONDS.toMillis(left) + 1);
			}
			return this;
		}
	}

	/**
	 * Wait for the app to end by itself (at most five minutes: a loaded machine starts
	 * slowly).
	 * @return its exit status
	 */
	public int awaitExit() {
		try {
			if (!this.process.waitFor(5, TimeUnit.MINUTES)) {
				throw new IllegalStateException("The app did not end:\n" + String.join("\n", output()));
			}
			synchronized (this.lines) {
				while (!this.readerDone) {
					waitOnLines(1000);
				}
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** End the app with SIGKILL, as a crash or the OOM killer does, and wait for it. */
	public void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Stop the app with SIGTERM, as an operator does, and wait for it to end.
	 * @return its exit status (143 after a handled SIGTERM)
	 */
	public int stop() {
		this.process.destroy();
		return awaitExit();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	public int port() {
		synchronized (this.lines) {
			return this.port;
		}
	}

	public long pid() {
		return this.process.pid();
	}

	/**
	 * The CPU time the app's JVM used so far (all its threads).
	 * @return nanoseconds, or 0 when the system does not tell
	 */
	public long cpuNanos() {
		return this.process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * An ingest client for this app.
	 * @param key the bearer key
	 * @return the client
	 */
	public IngestClient ingest(String key) {
		return new IngestClient(baseUrl(), key);
	}

	/**
	 * What the app wrote so far, line by line.
	 * @return a copy of its output
	 */
	public List<String> output() {
		synchronized (this.lines) {
			return new ArrayList<>(this.lines);
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			kill();
		}
	}

	private void readOutput() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				Matcher port = PORT.matcher(line);
				synchronized (this.lines) {
					this.lines.add(line);
					if (this.port == 0 && port.find()) {
						this.port = Integer.parseInt(port.group(1));
					}
					this.started |= this.port != 0 && line.contains(STARTED);
					this.lines.notifyAll();
				}
			}
		}
		catch (IOException ex) {
			// the process ended
		}
		finally {
			synchronized (this.lines) {
				this.readerDone = true;
				this.lines.notifyAll();
			}
		}
	}

	private void waitOnLines(long millis) {
		try {
			this.lines.wait(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
