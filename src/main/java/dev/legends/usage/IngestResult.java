package dev.legends.usage;

import java.util.List;

/**
 * What an ingest stored: records new to Legends, records it already had (same source and
 * id, or same content), and the identities no person could be found for yet.
 *
 * @param accepted records stored now
 * @param duplicates records skipped because they were stored before (or repeated in the
 * batch)
 * @param unmatchedUsers identity values (email, key name, id) not yet matched to a
 * person, sorted
 */
public record IngestResult(int accepted, int duplicates, List<String> unmatchedUsers) {

	public IngestResult {
		unmatchedUsers = List.copyOf(unmatchedUsers);
	}

}
