package dev.legends;

import java.util.Map;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /actuator/health} (and its {@code liveness} and {@code readiness} groups) on
 * the main port, for load balancers and probes: the status alone. Its components and
 * their details (database, disk, rollups) and every other management endpoint (Prometheus
 * included) are served only on the management port.
 */
@RestController
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class PublicHealth {

	private final HealthEndpointWebExtension health;

	PublicHealth(HealthEndpointWebExtension health) {
		this.health = health;
	}

	@GetMapping(path = "/actuator/health", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> health() {
		return answer(this.health.health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE));
	}

	@GetMapping(path = "/actuator/health/{group}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> group(@PathVariable String group) {
		return answer(this.health.health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE, group));
	}

	private static ResponseEntity<Map<String, String>> answer(WebEndpointResponse<HealthDescriptor> response) {
		HealthDescriptor health = response.getBody();
		Map<String, String> body = (health != null) ? Map.of("status", health.getStatus().getCode()) : Map.of();
		return ResponseEntity.status(response.getStatus()).body(body);
	}

}
