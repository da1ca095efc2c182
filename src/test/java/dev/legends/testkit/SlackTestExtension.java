package dev.legends.testkit;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Resets the fake Slack API before each test and hands tests a {@link SlackTestClient}
 * aimed at the running app.
 */
public class SlackTestExtension implements BeforeEachCallback, ParameterResolver {

	@Override
	public void beforeEach(ExtensionContext context) {
		FakeSlackApi.shared().reset();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == SlackTestClient.class || type == FakeSlackApi.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		if (parameter.getParameter().getType() == FakeSlackApi.class) {
			return FakeSlackApi.shared();
		}
		String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		return new SlackTestClient(Integer.parseInt(port), FakeSlackApi.shared());
	}

}
