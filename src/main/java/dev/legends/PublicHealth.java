package dev.legends;

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
 * the main port, for load balancers and probes, while every other management endpoint
 * (Prometheus included) is served only on the management port.
 */
@RestController
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class PublicHealth {

	private final HealthEndpointWebExtension health;

	PublicHealth(HealthEndpointWebExtension health) {
		this.health = health;
	}

	@GetMapping(path = "/actuator/health", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<HealthDescriptor> health() {
		return answer(this.health.health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE));
	}

	@GetMapping(path = "/actuator/health/{group}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<HealthDescriptor> group(@PathVariable String group) {
		return answer(this.health.health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE, group));
	}

	private static ResponseEntity<HealthDescriptor> answer(WebEndpointResponse<HealthDescriptor> response) {
		return ResponseEntity.status(response.getStatus()).body(response.getBody());
	}

}
