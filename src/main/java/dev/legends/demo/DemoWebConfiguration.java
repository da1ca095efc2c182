package dev.legends.demo;

import dev.legends.slack.SlackRuntime;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link DemoOnly} in front of every demo path.
 */
@Configuration(proxyBeanMethods = false)
class DemoWebConfiguration {

	@Bean
	FilterRegistrationBean<DemoOnly> demoOnly(SlackRuntime runtime) {
		FilterRegistrationBean<DemoOnly> registration = new FilterRegistrationBean<>(new DemoOnly(runtime));
		registration.addUrlPatterns("/demo", "/demo/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
