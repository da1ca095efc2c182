package dev.legends.ingest.importers;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.legends.ingest.IngestKeys;
import dev.legends.ingest.IngestPrincipal;
import dev.legends.ingest.QueryParameters;
import dev.legends.usage.UsageIdentity;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/usage/import?format=F}: a usage export file from a source (raw
 * body, or a multipart {@code file} part), stored all or nothing and deduplicated, so the
 * same file imported twice stores nothing twice.
 */
@RestController
class UsageImportController {

	/** The largest file accepted (10 MB, as for batches). */
	static final int MAX_BYTES = 10 * 1024 * 1024;

	private final IngestKeys keys;

	private final UsageImports imports;

	UsageImportController(IngestKeys keys, UsageImports imports) {
		this.keys = keys;
		this.imports = imports;
	}

	@PostMapping("/api/v1/usage/import")
	ResponseEntity<Map<String, Object>> importFile(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			HttpServletRequest request) throws IOException, ServletException {
		Optional<IngestPrincipal> principal = this.keys.authenticate(authorization);
		if (principal.isEmpty()) {
			return unauthorized();
		}
		QueryParameters parameters = QueryParameters.of(request);
		String format = parameters.get("format");
		String user = parameters.get("user");
		Optional<UsageImporter> importer = UsageImporters.find((format != null) ? format.strip() : "");
		if (importer.isEmpty()) {
			return parameterError("format",
					((format == null || format.isBlank()) ? "is required" : "\"" + format + "\" is not a known format")
							+ "; one of " + UsageImporters.formats());
		}
		ImportOptions options = new ImportOptions(userOption(user));
		if (importer.get().singlePerson() && options.user() == null) {
			return parameterError("user", "is required for " + importer.get().format()
					+ ": the email or Slack user id of the person whose usage the file is");
		}
		byte[] file = readFile(request);
		if (file == null) {
			return tooLarge();
		}
		try {
			UsageImports.Result result = this.imports.importFile(principal.get().workspaceId(), importer.get(), file,
					options);
			return ResponseEntity.ok(answer(importer.get().format(), result));
		}
		catch (ImportException ex) {
			return invalid(ex);
		}
	}

	private static UsageIdentity userOption(String user) {
		if (user == null || user.isBlank()) {
			return null;
		}
		String value = user.strip();
		return value.contains("@") ? UsageIdentity.email(value) : UsageIdentity.slackId(value);
	}

	private static byte[] readFile(HttpServletRequest request) throws IOException, ServletException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			return null;
		}
		String contentType = request.getContentType();
		if (contentType != null && contentType.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
			Part part = request.getPart("file");
			if (part == null) {
				return new byte[0];
			}
			try (InputStream in = part.getInputStream()) {
				return limited(in);
			}
		}
		try (InputStream in = request.getInputStream()) {
			return limited(in);
		}
	}

	private static byte[] limited(InputStream in) throws IOException {
		byte[] body = in.readNBytes(MAX_BYTES + 1);
		return (body.length > MAX_BYTES) ? null : body;
	}

	private static Map<String, Object> answer(String format, UsageImports.Result result) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("format", format);
		answer.put("accepted", result.ingest().accepted());
		answer.put("duplicates", result.ingest().duplicates());
		answer.put("unmatched_users", result.ingest().unmatchedUsers());
		if (result.activityDays() > 0) {
			answer.put("activity_days", result.activityDays());
		}
		return answer;
	}

	private static ResponseEntity<Map<String, Object>> invalid(ImportException ex) {
		Map<String, Object> detail = new LinkedHashMap<>();
		if (ex.getIndex() != null) {
			detail.put("index", ex.getIndex());
		}
		if (ex.getLine() != null) {
			detail.put("line", ex.getLine());
		}
		detail.put("field", ex.getField());
		detail.put("message", ex.getMessage());
		Map<String, Object> body = body("invalid_records",
				"Nothing was stored: fix the file where details say and import it again.");
		body.put("details", List.of(detail));
		return ResponseEntity.badRequest().body(body);
	}

	private static ResponseEntity<Map<String, Object>> parameterError(String parameter, String message) {
		Map<String, Object> body = body("invalid_parameters", "Parameter " + parameter + " " + message + ".");
		body.put("details", List.of(Map.of("field", parameter, "message", message)));
		return ResponseEntity.badRequest().body(body);
	}

	private static ResponseEntity<Map<String, Object>> unauthorized() {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"legends\"")
			.body(body("unauthorized",
					"Send an ingest key as Authorization: Bearer lgk_… (an admin makes one with /legends key create NAME)."));
	}

	private static ResponseEntity<Map<String, Object>> tooLarge() {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(body("payload_too_large", "The file is larger than 10 MB (" + MAX_BYTES
					+ " bytes); split the export (e.g. by month) and import each part."));
	}

	private static Map<String, Object> body(String error, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("message", message);
		return body;
	}

}
