package dev.legends.slack;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.util.http.SlackHttpClient;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The one place Bolt's {@link App} is built: every Slack client the app creates goes
 * through {@code SLACK_API_URL}, or, in demo mode, through the {@link OfflineSlackApi}.
 */
@Configuration(proxyBeanMethods = false)
class SlackConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SlackConfiguration.class);

	static final String EVENTS_PATH = "/slack/events";

	private static final String SNAG = "{\"response_type\":\"ephemeral\",\"text\":\"Sorry, Legends hit a snag "
			+ "handling that. Please try again in a moment.\"}";

	@Bean
	OfflineSlackApi offlineSlackApi() {
		return new OfflineSlackApi();
	}

	@Bean
	Slack slack(SlackProperties properties, OfflineSlackApi offline) {
		SlackConfig config = new SlackConfig();
		config.setMethodsEndpointUrlPrefix(properties.apiUrl());
		config.setStatsEnabled(false);
		config.setPrettyResponseLoggingEnabled(false);
		if (properties.mode() == SlackMode.DEMO) {
			logger.warn(
					"Legends runs in DEMO mode because {}: Slack Web API calls are recorded locally, "
							+ "nothing is sent to Slack. Set them (see .env.example) to connect a workspace.",
					properties.demoReason());
			OkHttpClient offlineClient = new OkHttpClient.Builder().addInterceptor(offline).build();
			return Slack.getInstance(config, new SlackHttpClient(offlineClient));
		}
		logger.info("Legends connects to Slack in {} mode", properties.mode());
		return Slack.getInstance(config);
	}

	@Bean
	SlackRuntime slackRuntime(SlackProperties properties) {
		boolean demo = properties.mode() == SlackMode.DEMO;
		String botToken = demo ? "xoxb-legends-demo" : properties.botToken();
		String signingSecret = demo ? UUID.randomUUID().toString() : properties.signingSecret();
		return new SlackRuntime(properties.mode(), botToken, signingSecret);
	}

	@Bean
	App slackApp(Slack slack, SlackRuntime runtime, List<SlackFeature> features, SubmissionsOnce submissionsOnce) {
		AppConfig config = AppConfig.builder()
			.slack(slack)
			.singleTeamBotToken(runtime.botToken())
			.signingSecret(runtime.signingSecret())
			.authTestCacheEnabled(true)
			.verificationToken(null)
			.clientId(null)
			.clientSecret(null)
			.redirectUri(null)
			.scope(null)
			.userScope(null)
			.oauthStartPath(null)
			.oauthCallbackPath(null)
			.oauthCancellationUrl(null)
			.oauthCompletionUrl(null)
			.build();
		App app = new App(config);
		app.use((request, response, chain) -> {
			try {
				return chain.next(request);
			}
			catch (Exception ex) {
				logger.error("Slack request of type {} failed", request.getRequestType(), ex);
				return Response.json(200, SNAG);
			}
		});
		app.use(submissionsOnce);
		features.forEach((feature) -> feature.register(app));
		return app;
	}

	@Bean
	MethodsClient slackMethods(Slack slack, SlackRuntime runtime) {
		return slack.methods(runtime.botToken());
	}

	@Bean
	ServletRegistrationBean<SlackAppServlet> slackEventsServlet(App app) {
		return new ServletRegistrationBean<>(new SlackAppServlet(app), EVENTS_PATH);
	}

	@Bean
	FilterRegistrationBean<SlackSignatureFilter> slackSignatureFilter(SlackRuntime runtime) {
		FilterRegistrationBean<SlackSignatureFilter> registration = new FilterRegistrationBean<>(
				new SlackSignatureFilter(runtime.signingSecret(), Clock.systemUTC()));
		registration.addUrlPatterns(EVENTS_PATH);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
