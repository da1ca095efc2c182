package dev.legends.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted on a folder, for tests of a full or read-only data folder. Needs
 * the right to mount (CI runs as root); where mounting is refused the test is skipped
 * with the reason printed.
 */
final class Tmpfs implements AutoCloseable {

	private final Path dir;

	private Tmpfs(Path dir) {
		this.dir = dir;
	}

	/**
	 * Mount a tmpfs, or skip the test saying why.
	 * @param dir an empty folder
	 * @param options {@code mount -o} options, e.g. {@code size=24m}
	 * @return the mount (unmount it with {@link #close()})
	 */
	static Tmpfs mountOrSkip(Path dir, String options) {
		String refused = run("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString());
		if (refused != null) {
			String reason = "Skipped: mounting a tmpfs on " + dir + " was refused (" + refused + ")";
			System.out.println(reason);
			Assumptions.abort(reason);
		}
		return new Tmpfs(dir);
	}

	@Override
	public void close() {
		String refused = run("umount", "-l", this.dir.toString());
		if (refused != null) {
			System.out.println("Could not unmount " + this.dir + ": " + refused);
		}
	}

	/**
	 * Run a command.
	 * @return {@code null} when it succeeded, else its output and status
	 */
	private static String run(String... command) {
		try {
			Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return "timed out";
			}
			return (process.exitValue() == 0) ? null : "status " + process.exitValue() + ": " + output;
		}
		catch (IOException ex) {
			return ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

}
