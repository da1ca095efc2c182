package dev.legends;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * The answers to requests that fail before any module sees them (a malformed or oversized
 * multipart body, a query that is not valid URL encoding): a 4xx naming the problem,
 * never a 500 with a stack trace. A module's own error answers take precedence.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class WebErrors {

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		return refuse(request, HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
				"The multipart body is larger than the 10 MB accepted.");
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> malformedMultipart(MultipartException ex, HttpServletRequest request) {
		return refuse(request, HttpStatus.BAD_REQUEST, "malformed_multipart",
				"The multipart/form-data body could not be read; check its boundary and parts.");
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> undecodableQuery(InvalidParameterException ex, HttpServletRequest request) {
		return refuse(request, HttpStatus.BAD_REQUEST, "invalid_parameters",
				"A query parameter is not valid URL encoding (write % as %25).");
	}

	private static ResponseEntity<Map<String, Object>> refuse(HttpServletRequest request, HttpStatus status,
			String error, String message) {
		RefusalLog.reason(request, error);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("message", message);
		return ResponseEntity.status(status).body(body);
	}

}
