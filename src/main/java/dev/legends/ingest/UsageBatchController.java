package dev.legends.ingest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.legends.usage.IngestResult;
import dev.legends.usage.UsageInput;
import dev.legends.usage.UsageLedger;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/usage}: a JSON batch of usage records, stored all or nothing.
 */
@RestController
class UsageBatchController {

	private final IngestKeys keys;

	private final UsageRecordReader reader;

	private final UsageLedger ledger;

	UsageBatchController(IngestKeys keys, UsageRecordReader reader, UsageLedger ledger) {
		this.keys = keys;
		this.reader = reader;
		this.ledger = ledger;
	}

	@PostMapping("/api/v1/usage")
	Map<String, Object> ingest(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			HttpServletRequest request) throws IOException {
		IngestPrincipal principal = this.keys.require(authorization);
		List<UsageInput> inputs = this.reader.readBatch(IngestLimits.readBody(request));
		return answer(this.ledger.ingest(principal.workspaceId(), inputs));
	}

	/**
	 * The JSON answer to a stored batch or file.
	 * @param result what the ledger stored
	 * @return {@code {"accepted","duplicates","unmatched_users"}}
	 */
	static Map<String, Object> answer(IngestResult result) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("accepted", result.accepted());
		answer.put("duplicates", result.duplicates());
		answer.put("unmatched_users", result.unmatchedUsers());
		return answer;
	}

}
