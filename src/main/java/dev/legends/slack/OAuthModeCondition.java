package dev.legends.slack;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when Legends runs in OAuth mode: {@code SLACK_CLIENT_ID} and
 * {@code SLACK_CLIENT_SECRET} are both set.
 */
public class OAuthModeCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return oauth(context);
	}

	static boolean oauth(ConditionContext context) {
		return StringUtils.hasText(context.getEnvironment().getProperty("legends.slack.client-id"))
				&& StringUtils.hasText(context.getEnvironment().getProperty("legends.slack.client-secret"));
	}

	/**
	 * Matches in every other mode: one workspace, Socket Mode or demo.
	 */
	public static class Not implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !oauth(context);
		}

	}

}
