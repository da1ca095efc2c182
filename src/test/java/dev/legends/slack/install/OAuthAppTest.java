package dev.legends.slack.install;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.legends.testkit.FakeSlackOAuth;
import dev.legends.testkit.LegendsAppTest;

import org.springframework.test.context.TestPropertySource;

/**
 * The whole app in OAuth mode ({@link LegendsAppTest} with a client id and secret and an
 * encryption key), with an operator's bootstrap ingest key set too. Every OAuth test
 * class uses the same settings, so they share one app.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@LegendsAppTest
@TestPropertySource(properties = { "SLACK_CLIENT_ID=" + FakeSlackOAuth.CLIENT_ID,
		"SLACK_CLIENT_SECRET=" + FakeSlackOAuth.CLIENT_SECRET, "LEGENDS_ENCRYPTION_KEY=" + OAuthInstallTests.KEY,
		"legends.ingest.bootstrap-key=" + OAuthAppTest.BOOTSTRAP_KEY })
@interface OAuthAppTest {

	/** {@code LEGENDS_INGEST_KEY} of the OAuth test app. */
	String BOOTSTRAP_KEY = "operator-bootstrap-key-in-oauth-mode";

}
