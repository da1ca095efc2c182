package dev.legends.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Prepares an H2 file database before the pool opens it. Every commit reaches the file
 * before it returns ({@code WRITE_DELAY=0}; H2's default keeps commits in memory for up
 * to half a second, so a crash lost batches already answered 200), unless the URL sets
 * {@code WRITE_DELAY} itself. A folder that cannot be written, or files another process
 * holds open, stop the start with their cause and fix (H2 would open read-only files
 * read-only, and a held file fails deep inside the pool).
 */
@Component
class H2FileDatabase implements BeanPostProcessor {

	static final String DURABLE_COMMITS = "WRITE_DELAY=0";

	private static final Logger logger = LoggerFactory.getLogger(H2FileDatabase.class);

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null) {
			Path file = databaseFile(dataSource.getJdbcUrl());
			if (file != null) {
				dataSource.setJdbcUrl(durable(dataSource.getJdbcUrl()));
				checkWritable(file);
			}
		}
		return bean;
	}

	/**
	 * The URL with {@code WRITE_DELAY=0} added, unless it sets a write delay itself.
	 * @param url an H2 file URL
	 * @return the URL to open
	 */
	static String durable(String url) {
		String settings = url.toUpperCase(Locale.ROOT) + ";";
		if (settings.contains(";" + DURABLE_COMMITS + ";")) {
			return url;
		}
		if (settings.contains(";WRITE_DELAY=")) {
			logger.warn("The H2 URL sets a WRITE_DELAY other than 0: a crash can lose commits already answered");
			return url;
		}
		return url + ";" + DURABLE_COMMITS;
	}

	/**
	 * The path H2 stores a file database at, without its {@code .mv.db} extension.
	 * @param url a JDBC URL
	 * @return the path, or {@code null} for another database or an in-memory or remote H2
	 * one
	 */
	static Path databaseFile(String url) {
		if (!url.startsWith("jdbc:h2:")) {
			return null;
		}
		String name = url.substring("jdbc:h2:".length()).split(";", 2)[0];
		if (name.startsWith("file:")) {
			name = name.substring("file:".length());
		}
		else if (name.matches("^(mem|tcp|ssl|zip|jar|classpath|memFS|memLZF|nioMemFS|nioMemLZF):.*")) {
			return null;
		}
		if (name.startsWith("~")) {
			name = System.getProperty("user.home") + name.substring(1);
		}
		return Path.of(name).toAbsolutePath().normalize();
	}

	private static void checkWritable(Path database) {
		Path folder = database.getParent();
		try {
			Files.createDirectories(folder);
			Files.delete(Files.createTempFile(folder, ".legends-write-check", ".tmp"));
		}
		catch (IOException | SecurityException ex) {
			throw new DatabaseStartupException("the data folder " + folder + " cannot be written (" + reason(ex) + ")",
					"make LEGENDS_DATA_DIR a folder this user can write (mounted read-write, owned by the user Legends"
							+ " runs as) and start again.",
					ex);
		}
		Path file = database.resolveSibling(database.getFileName() + ".mv.db");
		if (Files.exists(file)) {
			checkFree(file);
		}
	}

	private static void checkFree(Path file) {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			FileLock lock = tryLock(channel);
			if (lock == null) {
				throw new DatabaseStartupException(
						"the database " + file + " is in use by another process (its file is locked)",
						"stop the other Legends instance that uses this LEGENDS_DATA_DIR, or give this one a folder of"
								+ " its own; several instances share one PostgreSQL database instead (LEGENDS_DB_URL).",
						null);
			}
			lock.release();
		}
		catch (IOException ex) {
			throw new DatabaseStartupException("the database file " + file + " cannot be written (" + reason(ex) + ")",
					"let the user Legends runs as write it (owner and permissions, a read-write mount) and start"
							+ " again.",
					ex);
		}
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			return null;
		}
	}

	private static String reason(Exception ex) {
		String message = ex.getMessage();
		if (ex instanceof java.nio.file.FileSystemException fileSystem && fileSystem.getReason() != null) {
			message = fileSystem.getReason();
		}
		return (message != null) ? ex.getClass().getSimpleName() + ": " + message : ex.getClass().getSimpleName();
	}

}
