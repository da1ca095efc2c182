package dev.legends.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.legends.database.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The ingest API's error answers: JSON with an {@code error} code and a message a person
 * can act on, never a stack trace.
 */
@RestControllerAdvice(basePackages = "dev.legends.ingest")
class IngestErrors {

	private static final Logger logger = LoggerFactory.getLogger(IngestErrors.class);

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> unauthorized(UnauthorizedException ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"legends\"")
			.body(body("unauthorized", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> tooLarge(PayloadTooLargeException ex) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(body("payload_too_large", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> malformed(MalformedInputException ex) {
		return ResponseEntity.badRequest().body(body(ex.error(), ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> invalid(InvalidRecordsException ex) {
		Map<String, Object> body = body("invalid_records",
				"Nothing was stored: fix the records listed in details and send the whole batch again.");
		body.put("details", ex.details().stream().map(RecordError::toJson).toList());
		return ResponseEntity.badRequest().body(body);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException ex) {
		Map<String, Object> body = body("invalid_parameters", "Parameter " + ex.getParameterName() + " is required.");
		body.put("details", java.util.List.of(Map.of("field", ex.getParameterName(), "message", "is required")));
		return ResponseEntity.badRequest().body(body);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> invalidParameter(InvalidParametersException ex) {
		Map<String, Object> body = body("invalid_parameters",
				"Parameter " + ex.parameter() + " " + ex.getMessage() + ".");
		body.put("details", java.util.List.of(Map.of("field", ex.parameter(), "message", ex.getMessage())));
		return ResponseEntity.badRequest().body(body);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> unexpected(RuntimeException ex) {
		String databaseFailure = DatabaseFailures.oneLine(ex);
		if (databaseFailure != null) {
			logger.error("Ingest request answered 503, nothing stored: the database could not store it ({})",
					databaseFailure);
		}
		else {
			logger.error("Ingest request failed", ex);
		}
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(body("unavailable",
					"Legends could not store this request right now; nothing was stored. " + "Please retry."));
	}

	static Map<String, Object> body(String error, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("message", message);
		return body;
	}

}
