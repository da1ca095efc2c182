package dev.legends.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Before anything starts, checks that an H2 file database can be used: its folder can be
 * written and no other process holds its file. Otherwise the start stops with the cause
 * and the fix in one line ({@link DatabaseStartupFailureAnalyzer}), where H2 would open
 * read-only files read-only and a held file would fail deep inside the pool and the web
 * server's start.
 */
class DataFolderCheck implements ApplicationListener<ApplicationPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		String url = event.getApplicationContext().getEnvironment().getProperty("spring.datasource.url");
		Path file = (url != null) ? H2FileDatabase.databaseFile(url) : null;
		if (file != null) {
			checkWritable(file);
		}
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
		if (ex instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
			message = fileSystem.getReason();
		}
		return (message != null) ? ex.getClass().getSimpleName() + ": " + message : ex.getClass().getSimpleName();
	}

}
