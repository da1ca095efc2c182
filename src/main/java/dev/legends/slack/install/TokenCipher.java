package dev.legends.slack.install;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.util.StringUtils;

/**
 * Encrypts Slack tokens at rest with AES-GCM under {@code LEGENDS_ENCRYPTION_KEY}: each
 * value gets a fresh 12-byte nonce, stored before the ciphertext and its tag.
 */
final class TokenCipher {

	static final String MISSING_KEY = "OAuth mode (SLACK_CLIENT_ID and SLACK_CLIENT_SECRET set) needs "
			+ "LEGENDS_ENCRYPTION_KEY, the key Slack tokens are encrypted with, and it is not set";

	private static final String PREFIX = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	TokenCipher(String base64Key) {
		if (!StringUtils.hasText(base64Key)) {
			throw new EncryptionKeyException(MISSING_KEY);
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64Key.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new EncryptionKeyException("LEGENDS_ENCRYPTION_KEY is not valid base64");
		}
		if (bytes.length != 32) {
			throw new EncryptionKeyException("LEGENDS_ENCRYPTION_KEY decodes to " + bytes.length + " bytes, not 32");
		}
		this.key = new SecretKeySpec(bytes, "AES");
	}

	String encrypt(String plain) {
		if (plain == null) {
			return null;
		}
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[nonce.length + sealed.length];
			System.arraycopy(nonce, 0, out, 0, nonce.length);
			System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a token", ex);
		}
	}

	String decrypt(String stored) {
		if (stored == null) {
			return null;
		}
		if (!stored.startsWith(PREFIX)) {
			throw new IllegalStateException("A stored token is not in the expected encrypted form");
		}
		try {
			byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
			return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException(
					"A stored Slack token cannot be decrypted: was LEGENDS_ENCRYPTION_KEY changed?");
		}
	}

}
