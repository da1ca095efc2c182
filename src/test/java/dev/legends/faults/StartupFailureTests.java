package dev.legends.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

	@Test
	void startWhenPostgresIsUnreachableExitsWithOneLineNamingCauseAndFix() {
		try (AppProcess app = AppProcess.start(Map.of("LEGENDS_DB_URL", "jdbc:postgresql://127.0.0.1:1/legends",
				"LEGENDS_DB_USER", "legends", "LEGENDS_DB_PASSWORD", "not-logged-secret"))) {
			assertThat(app.awaitExit()).isEqualTo(1);
			assertOneErrorLine(app.output(), "cannot reach the database jdbc:postgresql://127.0.0.1:1/legends",
					"Fix: ");
			assertThat(app.output()).noneMatch((line) -> line.contains("not-logged-secret"));
		}
	}

	@Test
	void startWhenPostgresDatabaseDoesNotExistExitsWithOneLineNamingCauseAndFix() {
		Map<String, String> postgres = new HashMap<>(FaultDatabases.postgresOrSkip());
		String url = postgres.get("LEGENDS_DB_URL").replaceFirst("/[^/?]+(\\?.*)?$", "/legends_no_such_database");
		postgres.put("LEGENDS_DB_URL", url);
		try (AppProcess app = AppProcess.start(postgres)) {
			assertThat(app.awaitExit()).isEqualTo(1);
			assertOneErrorLine(app.output(), "the database " + url + " does not exist", "Fix: create it");
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
