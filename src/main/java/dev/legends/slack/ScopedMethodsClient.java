package dev.legends.slack;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;

/**
 * The app's shared {@link MethodsClient}: each call goes out with the bot token that
 * {@link SlackTokens} gives for the {@link SlackTeamScope} in force, and no call goes out
 * for a workspace without a token.
 */
final class ScopedMethodsClient {

	private static final int MAX_CLIENTS = 1000;

	private ScopedMethodsClient() {
	}

	static MethodsClient create(Slack slack, SlackTokens tokens) {
		Map<String, MethodsClient> clients = new ConcurrentHashMap<>();
		return (MethodsClient) Proxy.newProxyInstance(MethodsClient.class.getClassLoader(),
				new Class<?>[] { MethodsClient.class }, (proxy, method, args) -> {
					if (method.getDeclaringClass() == Object.class) {
						return objectMethod(proxy, method, args);
					}
					SlackTeamScope scope = SlackTeamScope.current().orElse(null);
					String token = tokens.botToken(scope).orElseThrow(() -> new NotInstalledException(scope));
					if (clients.size() > MAX_CLIENTS) {
						clients.clear();
					}
					MethodsClient client = clients.computeIfAbsent(token, slack::methods);
					try {
						return method.invoke(client, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	private static Object objectMethod(Object proxy, Method method, Object[] args) {
		return switch (method.getName()) {
			case "equals" -> proxy == args[0];
			case "hashCode" -> System.identityHashCode(proxy);
			default -> "ScopedMethodsClient";
		};
	}

	/**
	 * A Web API call for a workspace Legends holds no token for (not installed,
	 * uninstalled, or no workspace in scope): nothing is sent.
	 */
	static final class NotInstalledException extends IllegalStateException {

		NotInstalledException(SlackTeamScope scope) {
			super((scope != null) ? "Legends holds no Slack token for " + scope + ": nothing is sent"
					: "No workspace in scope for this Slack call: nothing is sent");
		}

	}

}
