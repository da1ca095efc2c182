package dev.legends.slack.install;

import java.util.List;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.bolt.service.OAuthStateService;
import com.slack.api.bolt.service.builtin.oauth.OAuthV2AccessErrorHandler;
import dev.legends.slack.SlackOAuth;
import dev.legends.slack.SlackProperties;
import dev.legends.slack.SlackTeamScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Bolt's app into an OAuth app: Bolt's own install and redirect handling, with the
 * installations and OAuth states in the database, Legends' pages, and every request
 * served in its installation's {@link SlackTeamScope}.
 */
class OAuthSetup implements SlackOAuth {

	static final String INSTALL_PATH = "/slack/install";

	static final String REDIRECT_PATH = "/slack/oauth_redirect";

	private static final Logger logger = LoggerFactory.getLogger(OAuthSetup.class);

	private final SlackProperties slack;

	private final List<String> scopes;

	private final InstallationService installations;

	private final OAuthStateService states;

	private final InstallPages pages = new InstallPages();

	private final OrgWorkspaceKeys orgKeys;

	OAuthSetup(SlackProperties slack, List<String> scopes, InstallationService installations, OAuthStateService states,
			OrgWorkspaceKeys orgKeys) {
		this.orgKeys = orgKeys;
		this.slack = slack;
		this.scopes = scopes;
		this.installations = installations;
		this.states = states;
	}

	@Override
	public AppConfig configure(AppConfig config) {
		return config.toBuilder()
			.clientId(this.slack.clientId())
			.clientSecret(this.slack.clientSecret())
			.scope(String.join(",", this.scopes))
			.userScope(null)
			.oauthInstallPath(INSTALL_PATH)
			.oauthStartPath(INSTALL_PATH)
			.oauthRedirectUriPath(REDIRECT_PATH)
			.oauthCallbackPath(REDIRECT_PATH)
			.oAuthInstallPathEnabled(true)
			.oAuthRedirectUriPathEnabled(true)
			.stateValidationEnabled(true)
			.oAuthInstallPageRenderingEnabled(true)
			.oAuthInstallPageRenderer(this.pages)
			.oAuthRedirectUriPageRenderer(this.pages)
			.build();
	}

	@Override
	public void install(App app) {
		app.asOAuthApp(true);
		app.service(this.states);
		app.service(this.installations);
		app.oauthCallbackError((request, response) -> failure(response, 400, request.getPayload().getError()));
		app.oauthCallbackStateError((request, response) -> failure(response, 400, "invalid_state"));
		app.oauthCallbackAccessError((OAuthV2AccessErrorHandler) (request, response, apiResponse) -> {
			logger.warn("oauth.v2.access answered {}", apiResponse.getError());
			return failure(response, 400, apiResponse.getError());
		});
		app.oauthCallbackException((request, response, ex) -> {
			logger.warn("Installing failed: {}", ex.getMessage());
			return failure(response, 502, "slack_unreachable");
		});
		app.use((request, response, chain) -> {
			Context context = request.getContext();
			if (context.getBotToken() == null) {
				return chain.next(request);
			}
			boolean orgWide = context.isEnterpriseInstall() && context.getEnterpriseId() != null;
			String key = orgWide ? context.getEnterpriseId() : context.getTeamId();
			if (orgWide) {
				this.orgKeys.seen(context.getTeamId(), key);
			}
			try (SlackTeamScope scope = SlackTeamScope.request(key, orgWide)) {
				return chain.next(request);
			}
		});
	}

	private Response failure(Response response, int status, String reason) {
		response.setStatusCode(status);
		response.setContentType("text/html; charset=utf-8");
		response.setBody(this.pages.renderFailurePage(INSTALL_PATH, reason));
		return response;
	}

}
