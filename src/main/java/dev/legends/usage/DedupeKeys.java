package dev.legends.usage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The key a record is deduplicated by within its workspace and source: the source's own
 * id when it has one, else a hash of everything the record says.
 */
final class DedupeKeys {

	static final int MAX_LENGTH = 200;

	private DedupeKeys() {
	}

	static String of(UsageInput input) {
		String id = input.id();
		if (id != null && !id.isBlank()) {
			return (id.length() <= MAX_LENGTH && !id.startsWith("#")) ? id : "#id:" + sha256(id);
		}
		StringBuilder content = new StringBuilder(160).append(input.user().kind())
			.append('|')
			.append(input.user().value())
			.append('|')
			.append(input.model())
			.append('|')
			.append(input.start())
			.append('|')
			.append(input.end())
			.append('|')
			.append(input.inputTokens())
			.append('|')
			.append(input.outputTokens())
			.append('|')
			.append(input.cacheReadInputTokens())
			.append('|')
			.append(input.cacheCreationInputTokens())
			.append('|')
			.append(input.reasoningTokens())
			.append('|')
			.append(input.requests())
			.append('|')
			.append((input.costUsd() != null) ? input.costUsd().stripTrailingZeros().toPlainString() : "-");
		return "#" + sha256(content.toString());
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
