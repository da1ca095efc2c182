package dev.legends.ingest.importers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Deterministic record ids for sources that have none: the same source row (same bucket,
 * same grouping) always gets the same id, so importing a file twice stores nothing twice.
 */
final class SourceIds {

	private SourceIds() {
	}

	/**
	 * An id for a source row.
	 * @param format the import format
	 * @param parts the values that identify the row in its source (bucket, grouping)
	 * @return {@code format:hash}
	 */
	static String of(String format, Object... parts) {
		StringBuilder key = new StringBuilder();
		for (Object part : parts) {
			key.append(Objects.toString(part, "")).append('\u001f');
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(key.toString().getBytes(StandardCharsets.UTF_8));
			return format + ":" + HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
