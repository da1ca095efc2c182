package dev.legends.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.legends.ingest.IngestBenchmark.Timing;

/**
 * The raw JDBC side of {@link IngestBenchmark} in a JVM of its own, as a program that
 * does nothing but insert would run: the parent sends commands on its standard input and
 * reads one answer line per command.
 */
final class RawJdbcProcess implements AutoCloseable {

	/** How an answer line starts (other output, such as logging, is passed through). */
	static final String ANSWER = "raw-jdbc> ";

	private final Process process;

	private final PrintWriter commands;

	private final BufferedReader output;

	private RawJdbcProcess(Process process) {
		this.process = process;
		this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
		this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
	}

	/**
	 * Start the raw side with the same Java and class path as this JVM.
	 * @param dir where its H2 file database goes
	 * @param records records per timed round
	 * @return the running side
	 */
	static RawJdbcProcess start(Path dir, int records) throws IOException {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", classPath));
		command.addAll(IngestBenchmark.SETTINGS);
		command.addAll(
				List.of(RawJdbcProcess.class.getName(), dir.toAbsolutePath().toString(), Integer.toString(records)));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		return new RawJdbcProcess(process);
	}

	/** Warm up with the benchmark's warm-up rounds; returns when done. */
	void warmUp() throws IOException {
		ask("warmup");
	}

	/**
	 * Time one round of the records per round given at the start.
	 * @param first the first record's index
	 * @return its timing
	 */
	Timing round(int first) throws IOException {
		return Timing.parse(ask("round " + first));
	}

	private String ask(String command) throws IOException {
		this.commands.println(command);
		String line;
		while ((line = this.output.readLine()) != null) {
			if (line.startsWith(ANSWER)) {
				return line.substring(ANSWER.length());
			}
			System.out.println(line);
		}
		throw new IOException("The raw JDBC process ended without answering " + command);
	}

	@Override
	public void close() throws InterruptedException {
		this.commands.close();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	public static void main(String[] args) throws Exception {
		PrintStream answers = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		IngestBenchmark.rawSide(Path.of(args[0]), Integer.parseInt(args[1]),
				new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), answers);
	}

}
