package dev.legends.slack.install;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Before anything starts in OAuth mode, checks that {@code LEGENDS_ENCRYPTION_KEY} is set
 * and is base64 of 32 bytes; otherwise the start stops with the cause and the fix in one
 * line ({@link EncryptionKeyFailureAnalyzer}), not deep inside the web server's start.
 */
class EncryptionKeyCheck implements ApplicationListener<ApplicationPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		Environment environment = event.getApplicationContext().getEnvironment();
		if (StringUtils.hasText(environment.getProperty("legends.slack.client-id"))
				&& StringUtils.hasText(environment.getProperty("legends.slack.client-secret"))) {
			new TokenCipher(environment.getProperty("legends.install.encryption-key"));
		}
	}

}
