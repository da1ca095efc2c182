package dev.legends.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.legends.workspace.CacheEpochs;
import dev.legends.workspace.Members;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Ingest keys: created by admins per workspace ({@code lgk_} + 32 random bytes,
 * base64url), shown once, stored only as a SHA-256 hash, revocable; plus the operator's
 * bootstrap key ({@code LEGENDS_INGEST_KEY}) for the installed workspace. Keys are never
 * logged.
 */
@Service
public class IngestKeys {

	/** The prefix of every created key. */
	public static final String PREFIX = "lgk_";

	/** Why {@code LEGENDS_INGEST_KEY} is refused in OAuth mode. */
	static final String BOOTSTRAP_REFUSED = "LEGENDS_INGEST_KEY works only when Legends serves one workspace "
			+ "(SLACK_BOT_TOKEN). Legends is installed by OAuth here: an admin of your workspace creates a key with "
			+ "/legends key create NAME.";

	/** The key name reported for requests made with {@code LEGENDS_INGEST_KEY}. */
	public static final String BOOTSTRAP_NAME = "bootstrap";

	private static final Logger logger = LoggerFactory.getLogger(IngestKeys.class);

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	private static final int MAX_CACHED_KEYS = 100_000;

	private final SecureRandom random = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final Members members;

	private final CacheEpochs epochs;

	private final Optional<InstalledTeam> installedTeam;

	private final byte[] bootstrapHash;

	private final Clock clock;

	/**
	 * Active keys seen lately, by hash (bounded; a miss reads the database once; a key
	 * revoked here leaves it at once, one revoked on another instance within about a
	 * second: {@link CacheEpochs}).
	 */
	private final Cache<String, StoredKey> active = Caffeine.newBuilder().maximumSize(MAX_CACHED_KEYS).build();

	/** How many revocations this instance made: a key read before one is not cached. */
	private final AtomicLong revocations = new AtomicLong();

	/** The bootstrap key's principal, once its workspace is known. */
	private volatile IngestPrincipal bootstrap;

	IngestKeys(JdbcTemplate jdbc, Members members, Optional<InstalledTeam> installedTeam, IngestProperties properties,
			CacheEpochs epochs, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.epochs = epochs;
		// a key revoked on another instance leaves this one's cache within a second
		epochs.onBump(CacheEpochs.INGEST_KEYS, () -> {
			this.revocations.incrementAndGet();
			this.active.invalidateAll();
		});
		this.members = members;
		this.installedTeam = installedTeam;
		this.bootstrapHash = StringUtils.hasText(properties.bootstrapKey()) ? sha256(properties.bootstrapKey().strip())
				: null;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Authenticate an {@code Authorization} header.
	 * @param authorizationHeader the header value, e.g. {@code Bearer lgk_…}, or
	 * {@code null}
	 * @return who is calling, or empty for a missing, unknown or revoked key
	 */
	public Optional<IngestPrincipal> authenticate(String authorizationHeader) {
		String key = bearer(authorizationHeader);
		if (key == null) {
			return Optional.empty();
		}
		byte[] hash = sha256(key);
		if (isBootstrap(hash)) {
			return oneWorkspace() ? bootstrapPrincipal() : Optional.empty();
		}
		String hex = HexFormat.of().formatHex(hash);
		// read before the cache: a key found there just before a revocation dropped it
		// must not be put back
		long revocationsBefore = this.revocations.get();
		StoredKey stored = this.active.getIfPresent(hex);
		if (stored == null) {
			List<StoredKey> keys = this.jdbc.query(
					"select id, workspace_id, name, last_used_at from ingest_key where key_hash = ? "
							+ "and revoked_at is null",
					(rs, n) -> new StoredKey(rs.getLong(1), rs.getLong(2), rs.getString(3),
							instant(rs.getObject(4, OffsetDateTime.class))),
					hex);
			if (keys.isEmpty()) {
				return Optional.empty();
			}
			stored = keys.get(0);
		}
		stored = touch(stored);
		if (this.revocations.get() == revocationsBefore) {
			// not while a key may have been revoked since it was read
			this.active.put(hex, stored);
		}
		return Optional.of(new IngestPrincipal(stored.workspaceId(), stored.name()));
	}

	/**
	 * Authenticate an {@code Authorization} header or refuse the request with 401.
	 * @param authorizationHeader the header value
	 * @return who is calling
	 * @throws UnauthorizedException for a missing, unknown or revoked key
	 */
	public IngestPrincipal require(String authorizationHeader) {
		String key = bearer(authorizationHeader);
		if (key != null && isBootstrap(sha256(key)) && !oneWorkspace()) {
			throw new UnauthorizedException(BOOTSTRAP_REFUSED);
		}
		return authenticate(authorizationHeader)
			.orElseThrow(() -> new UnauthorizedException((bearer(authorizationHeader) == null)
					? "Send the header Authorization: Bearer lgk_… with an ingest key "
							+ "(an admin creates one with /legends key create NAME)."
					: "This ingest key is unknown or was revoked. An admin can create a new one with "
							+ "/legends key create NAME."));
	}

	/**
	 * Create a key; the secret in the answer is the only time anyone sees it.
	 * @param workspaceId the workspace
	 * @param name a name unique among the workspace's active keys (letters, digits,
	 * {@code ._-}, up to 64)
	 * @param createdBy the Slack user id of the admin
	 * @return the outcome, with the secret when created
	 */
	@Transactional
	public KeyCreation create(Long workspaceId, String name, String createdBy) {
		if (name == null || !NAME.matcher(name).matches()) {
			return new KeyCreation(KeyCreation.Outcome.INVALID_NAME, name, null);
		}
		if (activeId(workspaceId, name).isPresent()) {
			return new KeyCreation(KeyCreation.Outcome.DUPLICATE_NAME, name, null);
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.update(
				"insert into ingest_key (workspace_id, name, key_hash, created_by, created_at) values (?, ?, ?, ?, ?)",
				workspaceId, name, HexFormat.of().formatHex(sha256(secret)), createdBy, now());
		return new KeyCreation(KeyCreation.Outcome.CREATED, name, secret);
	}

	/**
	 * The workspace's active keys, by name.
	 * @param workspaceId the workspace
	 * @return the keys (never their secrets)
	 */
	@Transactional(readOnly = true)
	public List<IngestKeyInfo> list(Long workspaceId) {
		return this.jdbc.query(
				"select name, created_by, created_at, last_used_at from ingest_key where workspace_id = ? "
						+ "and revoked_at is null order by name",
				(rs, n) -> new IngestKeyInfo(rs.getString(1), rs.getString(2),
						rs.getObject(3, OffsetDateTime.class).toInstant(),
						instant(rs.getObject(4, OffsetDateTime.class))),
				workspaceId);
	}

	/**
	 * Revoke an active key: requests with it get 401 from now on.
	 * @param workspaceId the workspace
	 * @param name the key's name
	 * @return {@code true} when an active key of that name was revoked
	 */
	public boolean revoke(Long workspaceId, String name) {
		int revoked = this.jdbc.update(
				"update ingest_key set revoked_at = ? where workspace_id = ? and name = ? and revoked_at is null",
				now(), workspaceId, name);
		this.revocations.incrementAndGet();
		this.active.asMap()
			.values()
			.removeIf((stored) -> stored.workspaceId() == workspaceId && stored.name().equals(name));
		if (revoked > 0) {
			this.epochs.bump(CacheEpochs.INGEST_KEYS);
		}
		return revoked > 0;
	}

	private Optional<Long> activeId(Long workspaceId, String name) {
		return this.jdbc
			.queryForList("select id from ingest_key where workspace_id = ? and name = ? and revoked_at is null",
					Long.class, workspaceId, name)
			.stream()
			.findFirst();
	}

	private boolean isBootstrap(byte[] hash) {
		return this.bootstrapHash != null && MessageDigest.isEqual(hash, this.bootstrapHash);
	}

	private boolean oneWorkspace() {
		return this.installedTeam.map(InstalledTeam::oneWorkspace).orElse(true);
	}

	/**
	 * Say once at start-up that {@code LEGENDS_INGEST_KEY} is refused when Legends is
	 * installed by OAuth (it would not know which installation it belongs to).
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void warnAboutBootstrapKey() {
		if (this.bootstrapHash != null && !oneWorkspace()) {
			logger.warn("LEGENDS_INGEST_KEY is refused in OAuth mode (many workspaces): each workspace's admin "
					+ "creates its own key with /legends key create NAME");
		}
	}

	private Optional<IngestPrincipal> bootstrapPrincipal() {
		IngestPrincipal principal = this.bootstrap;
		if (principal == null) {
			principal = this.installedTeam.flatMap(InstalledTeam::teamId)
				.map((teamId) -> new IngestPrincipal(this.members.workspace(teamId).getId(), BOOTSTRAP_NAME))
				.orElse(null);
			this.bootstrap = principal;
		}
		return Optional.ofNullable(principal);
	}

	/**
	 * Record that a key was used, to the minute (one write per key and minute).
	 * @return the key as used now
	 */
	private StoredKey touch(StoredKey key) {
		Instant now = this.clock.instant();
		if (key.lastUsedAt() != null && !key.lastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)) {
			return key;
		}
		this.jdbc.update("update ingest_key set last_used_at = ? where id = ?", now.atOffset(ZoneOffset.UTC), key.id());
		return new StoredKey(key.id(), key.workspaceId(), key.name(), now);
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	private static String bearer(String header) {
		if (header == null) {
			return null;
		}
		String value = header.strip();
		if (value.length() <= 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		String key = value.substring(7).strip();
		return key.isEmpty() ? null : key;
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record StoredKey(long id, long workspaceId, String name, Instant lastUsedAt) {

	}

}
