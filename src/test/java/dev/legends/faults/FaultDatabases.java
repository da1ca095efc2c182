package dev.legends.faults;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * The environments the fault tests run the app with: the default H2 file database in a
 * data folder, or the local PostgreSQL named by {@code LEGENDS_TEST_POSTGRES_URL}.
 */
final class FaultDatabases {

	private FaultDatabases() {
	}

	/**
	 * The default database (no {@code LEGENDS_DB_URL}): H2 files in a data folder.
	 * @param dataDir the folder ({@code LEGENDS_DATA_DIR})
	 * @return the environment
	 */
	static Map<String, String> h2(Path dataDir) {
		return Map.of("LEGENDS_DATA_DIR", dataDir.toAbsolutePath().toString(), "LEGENDS_DB_URL", "",
				"LEGENDS_INGEST_KEY", UsageStream.KEY);
	}

	/**
	 * PostgreSQL from {@code LEGENDS_TEST_POSTGRES_URL}, or skip the test (saying why).
	 * @return the environment
	 */
	static Map<String, String> postgresOrSkip() {
		String url = System.getenv("LEGENDS_TEST_POSTGRES_URL");
		if (url == null || !url.startsWith("jdbc:postgresql:")) {
			String reason = "Skipped: LEGENDS_TEST_POSTGRES_URL is not set to a jdbc:postgresql: URL"
					+ " (.ci/run sets it to the local PostgreSQL)";
			System.out.println(reason);
			Assumptions.abort(reason);
		}
		return Map.of("LEGENDS_DB_URL", url, "LEGENDS_DB_USER",
				System.getenv().getOrDefault("LEGENDS_TEST_POSTGRES_USER", "postgres"), "LEGENDS_DB_PASSWORD",
				System.getenv().getOrDefault("LEGENDS_TEST_POSTGRES_PASSWORD", ""), "LEGENDS_INGEST_KEY",
				UsageStream.KEY);
	}

}
