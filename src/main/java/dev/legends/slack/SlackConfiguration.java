package dev.legends.slack;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.util.http.SlackHttpClient;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.StringUtils;

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
			logger.info(
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
		boolean oauth = properties.mode() == SlackMode.OAUTH;
		if (oauth && !StringUtils.hasText(properties.signingSecret())) {
			throw new IllegalStateException("OAuth mode (SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are set) needs "
					+ "SLACK_SIGNING_SECRET too: set it from the app's Basic Information page");
		}
		String botToken = demo ? "xoxb-legends-demo" : (oauth ? null : properties.botToken());
		String signingSecret = demo ? UUID.randomUUID().toString() : properties.signingSecret();
		return new SlackRuntime(properties.mode(), botToken, signingSecret);
	}

	@Bean
	@Conditional(OAuthModeCondition.Not.class)
	SlackTokens singleWorkspaceTokens(SlackRuntime runtime) {
		return (scope) -> Optional.of(runtime.botToken());
	}

	@Bean
	App slackApp(Slack slack, SlackRuntime runtime, List<SlackFeature> features, SubmissionsOnce submissionsOnce,
			Optional<SlackOAuth> oauth, MeterRegistry registry) {
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
		App app = new App(oauth.map((setup) -> setup.configure(config)).orElse(config));
		oauth.ifPresent((setup) -> setup.install(app));
		app.use(new AckTimer(registry));
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
	MethodsClient slackMethods(Slack slack, SlackTokens tokens) {
		return ScopedMethodsClient.create(slack, tokens);
	}

	@Bean
	ServletRegistrationBean<SlackEventsServlet> slackEventsServlet(App app) {
		return new ServletRegistrationBean<>(new SlackEventsServlet(app), EVENTS_PATH);
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
