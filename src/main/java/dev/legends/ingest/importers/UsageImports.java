package dev.legends.ingest.importers;

import java.io.ByteArrayInputStream;

import dev.legends.ingest.CodingActivity;
import dev.legends.usage.IngestResult;
import dev.legends.usage.UsageLedger;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an export file into a workspace: parses it whole, then stores its usage (and
 * activity signals) in one transaction, so a file is stored entirely or not at all.
 */
@Service
class UsageImports {

	private final UsageLedger ledger;

	private final CodingActivity activity;

	UsageImports(UsageLedger ledger, CodingActivity activity) {
		this.ledger = ledger;
		this.activity = activity;
	}

	/**
	 * Parse and store a file.
	 * @param workspaceId the workspace
	 * @param importer the file's format
	 * @param file the file
	 * @param options the request's options
	 * @return what was stored
	 * @throws ImportException when the file cannot be imported (nothing is stored)
	 */
	@Transactional
	Result importFile(Long workspaceId, UsageImporter importer, byte[] file, ImportOptions options) {
		Imported imported = importer.parse(new ByteArrayInputStream(file), options);
		IngestResult result = this.ledger.ingest(workspaceId, imported.usage());
		if (!imported.activity().isEmpty()) {
			this.activity.record(workspaceId, importer.format(), imported.activity());
		}
		return new Result(result, imported.activity().size());
	}

	/**
	 * The outcome of an import.
	 *
	 * @param ingest what the ledger stored
	 * @param activityDays how many person-days of activity signals the file had
	 */
	record Result(IngestResult ingest, int activityDays) {

	}

}
