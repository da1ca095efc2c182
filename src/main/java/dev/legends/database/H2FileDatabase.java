package dev.legends.database;

import java.nio.file.Path;
import java.util.Locale;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Makes every commit to an H2 file database reach its file before the commit returns
 * ({@code WRITE_DELAY=0}; H2's default keeps commits in memory for up to half a second,
 * so a crash lost batches already answered 200), unless the URL sets {@code WRITE_DELAY}
 * itself; and lets each connection keep its parsed statements
 * ({@code QUERY_CACHE_SIZE=256}: H2 keeps 8, fewer than one {@code /legends} request
 * runs, so every request parsed and planned its queries again). Connections to a database
 * closed by a failed write are renewed ({@link ClosedDatabaseEviction}).
 */
@Component
class H2FileDatabase implements BeanPostProcessor {

	static final String DURABLE_COMMITS = "WRITE_DELAY=0";

	static final String QUERY_CACHE = "QUERY_CACHE_SIZE=256";

	private static final Logger logger = LoggerFactory.getLogger(H2FileDatabase.class);

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null) {
			if (databaseFile(dataSource.getJdbcUrl()) != null) {
				dataSource.setJdbcUrl(withQueryCache(durable(dataSource.getJdbcUrl())));
				dataSource.setExceptionOverride(new ClosedDatabaseEviction(dataSource));
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
	 * The URL with {@code QUERY_CACHE_SIZE=256} added, unless it sets a query cache size
	 * itself.
	 * @param url an H2 file URL
	 * @return the URL to open
	 */
	static String withQueryCache(String url) {
		return (url.toUpperCase(Locale.ROOT) + ";").contains(";QUERY_CACHE_SIZE=") ? url : url + ";" + QUERY_CACHE;
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

}
