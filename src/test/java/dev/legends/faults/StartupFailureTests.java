package dev.legends.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.legends.testkit.AppProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app refuses to start on a data folder it cannot use, with status 1 and one ERROR
 * line that names the cause and the fix, no stack trace.
 */
class StartupFailureTests {

	@Test
	void startWhenAnotherInstanceHoldsTheH2FilesExitsWithOneLineNamingCauseAndFix(@TempDir Path dir) {
		try (AppProcess first = AppProcess.start(FaultDatabases.h2(dir)).awaitStarted();
				AppProcess second = AppProcess.start(FaultDatabases.h2(dir))) {
			assertThat(second.awaitExit()).isEqualTo(1);
			assertOneErrorLine(second.output(), "is in use by another process",
					"Fix: stop the other Legends instance that uses this LEGENDS_DATA_DIR");
		}
	}

	@Test
	void startWhenDataFolderIsReadOnlyExitsWithOneLineNamingCauseAndFix(@TempDir Path parent) throws Exception {
		Path dir = Files.createDirectory(parent.resolve("data"));
		try (Tmpfs mount = Tmpfs.mountOrSkip(dir, "ro,size=1m")) {
			try (AppProcess app = AppProcess.start(FaultDatabases.h2(dir))) {
				assertThat(app.awaitExit()).isEqualTo(1);
				assertOneErrorLine(app.output(), "the data folder " + dir + " cannot be written",
						"Fix: make LEGENDS_DATA_DIR a folder this user can write");
			}
		}
	}

	private static void assertOneErrorLine(List<String> output, String cause, String fix) {
		String all = String.join("\n", output);
		List<String> errors = output.stream().filter((line) -> line.contains(" ERROR ")).toList();
		assertThat(errors).as(all).hasSize(1);
		System.out.println("Start-up failure reported as: " + errors.get(0));
		assertThat(errors.get(0)).contains("Legends cannot start: ").contains(cause).contains(fix);
		assertThat(output).as(all).noneMatch((line) -> line.matches("\\s+at [\\w.$]+\\(.*"));
	}

}
