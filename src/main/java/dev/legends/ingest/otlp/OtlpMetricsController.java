package dev.legends.ingest.otlp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.legends.ingest.IngestKeys;
import dev.legends.ingest.IngestPrincipal;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /otlp/v1/metrics}: an OTLP/HTTP metrics receiver (binary protobuf or JSON,
 * optionally gzip-compressed) for Claude Code's usage metrics, answered as the OTLP
 * specification says: 200 with an empty {@code ExportMetricsServiceResponse} in the
 * request's encoding, and a {@code google.rpc.Status} body on errors.
 */
@RestController
class OtlpMetricsController {

	static final MediaType PROTOBUF = MediaType.parseMediaType("application/x-protobuf");

	private static final int MAX_BYTES = 10 * 1024 * 1024;

	private static final int UNAUTHENTICATED = 16;

	private static final int INVALID_ARGUMENT = 3;

	private static final int RESOURCE_EXHAUSTED = 8;

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final IngestKeys keys;

	private final OtlpUsage usage;

	OtlpMetricsController(IngestKeys keys, OtlpUsage usage) {
		this.keys = keys;
		this.usage = usage;
	}

	@PostMapping("/otlp/v1/metrics")
	ResponseEntity<byte[]> export(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestHeader(name = HttpHeaders.CONTENT_ENCODING, required = false) String encoding,
			HttpServletRequest request) throws IOException {
		boolean json = isJson(request.getContentType());
		if (!json && !isProtobuf(request.getContentType())) {
			return status(HttpStatus.UNSUPPORTED_MEDIA_TYPE, false, INVALID_ARGUMENT,
					"Content-Type must be application/x-protobuf or application/json");
		}
		Optional<IngestPrincipal> principal = this.keys.authenticate(authorization);
		if (principal.isEmpty()) {
			return status(HttpStatus.UNAUTHORIZED, json, UNAUTHENTICATED,
					"send an ingest key: OTEL_EXPORTER_OTLP_HEADERS=\"Authorization=Bearer lgk_...\"");
		}
		ExportMetricsServiceRequest export;
		try {
			byte[] body = read(request, encoding);
			if (body == null) {
				return status(HttpStatus.CONTENT_TOO_LARGE, json, RESOURCE_EXHAUSTED,
						"the export is larger than " + MAX_BYTES + " bytes");
			}
			export = json ? OtlpJson.parse(body) : ExportMetricsServiceRequest.parseFrom(body);
		}
		catch (OtlpDecodeException | InvalidProtocolBufferException ex) {
			return status(HttpStatus.BAD_REQUEST, json, INVALID_ARGUMENT, "undecodable export: " + ex.getMessage());
		}
		try {
			this.usage.store(principal.get(), export);
		}
		catch (OtlpDecodeException ex) {
			return status(HttpStatus.BAD_REQUEST, json, INVALID_ARGUMENT, "invalid export: " + ex.getMessage());
		}
		ExportMetricsServiceResponse response = ExportMetricsServiceResponse.getDefaultInstance();
		return json
				? ResponseEntity.ok()
					.contentType(MediaType.APPLICATION_JSON)
					.body("{}".getBytes(StandardCharsets.UTF_8))
				: ResponseEntity.ok().contentType(PROTOBUF).body(response.toByteArray());
	}

	private static byte[] read(HttpServletRequest request, String encoding) throws IOException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			return null;
		}
		byte[] raw;
		try (InputStream in = request.getInputStream()) {
			raw = in.readNBytes(MAX_BYTES + 1);
		}
		if (raw.length > MAX_BYTES) {
			return null;
		}
		if (encoding != null && encoding.strip().equalsIgnoreCase("gzip")) {
			try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
				byte[] inflated = in.readNBytes(MAX_BYTES + 1);
				return (inflated.length > MAX_BYTES) ? null : inflated;
			}
			catch (IOException ex) {
				throw new OtlpDecodeException("Content-Encoding is gzip but the body is not: " + ex.getMessage());
			}
		}
		return raw;
	}

	private static boolean isJson(String contentType) {
		return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
	}

	private static boolean isProtobuf(String contentType) {
		return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-protobuf");
	}

	/**
	 * An error answer with a {@code google.rpc.Status} body (code and message) in the
	 * request's encoding.
	 */
	private static ResponseEntity<byte[]> status(HttpStatus http, boolean json, int code, String message) {
		if (json) {
			byte[] text = mapper.writeValueAsBytes(java.util.Map.of("code", code, "message", message));
			return ResponseEntity.status(http).contentType(MediaType.APPLICATION_JSON).body(text);
		}
		try {
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			CodedOutputStream coded = CodedOutputStream.newInstance(out);
			coded.writeInt32(1, code);
			coded.writeString(2, message);
			coded.flush();
			return ResponseEntity.status(http).contentType(PROTOBUF).body(out.toByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
