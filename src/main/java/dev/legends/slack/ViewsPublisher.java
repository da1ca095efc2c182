package dev.legends.slack;

import java.io.IOException;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.methods.Methods;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import okhttp3.FormBody;
import okhttp3.Response;

import org.springframework.stereotype.Component;

/**
 * {@code views.publish} as the Slack SDK sends it, with one JSON mapper for every call:
 * the SDK's {@code viewsPublish} builds a new Gson (and its reflective adapters for the
 * whole view model) to write each view and again to read each answer, which was most of
 * what publishing a Home cost Legends besides the HTTP call. The view is written and the
 * answer read the same way the SDK does, with the bot token of the workspace in scope.
 */
@Component
public class ViewsPublisher {

	private final Slack slack;

	private final MethodsClient methods;

	private final SlackTokens tokens;

	private final Gson gson = GsonFactory.createSnakeCase();

	ViewsPublisher(Slack slack, MethodsClient methods, SlackTokens tokens) {
		this.slack = slack;
		this.methods = methods;
		this.tokens = tokens;
	}

	/**
	 * Publish a person's Home view in the workspace in scope ({@link SlackTeamScope}).
	 * @param userId the person's Slack user id
	 * @param view the view
	 * @return Slack's answer
	 * @throws IOException when Slack could not be reached
	 * @throws SlackApiException when Slack answered with an HTTP error (a rate limit)
	 */
	public ViewsPublishResponse publish(String userId, View view) throws IOException, SlackApiException {
		SlackTeamScope scope = SlackTeamScope.current().orElse(null);
		String token = this.tokens.botToken(scope)
			.orElseThrow(() -> new ScopedMethodsClient.NotInstalledException(scope));
		FormBody.Builder form = new FormBody.Builder().add("user_id", userId).add("view", this.gson.toJson(view));
		try (Response response = this.methods.runPostFormWithToken(form, Methods.VIEWS_PUBLISH, token)) {
			String body = response.body().string();
			if (!response.isSuccessful()) {
				throw new SlackApiException(this.slack.getConfig(), response, body);
			}
			return this.gson.fromJson(body, ViewsPublishResponse.class);
		}
	}

}
