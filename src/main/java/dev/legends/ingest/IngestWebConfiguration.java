package dev.legends.ingest;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The servlet filters in front of the ingest endpoints.
 */
@Configuration(proxyBeanMethods = false)
class IngestWebConfiguration {

	@Bean
	FilterRegistrationBean<IngestResponses> ingestResponses() {
		FilterRegistrationBean<IngestResponses> registration = new FilterRegistrationBean<>(new IngestResponses());
		registration.addUrlPatterns("/api/v1/*", "/otlp/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
