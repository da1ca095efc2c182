package dev.legends.slack;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import dev.legends.usage.EmailDirectory;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Finds people by email with Slack's {@code users.lookupByEmail}: answers are cached (a
 * day when found, an hour when not; 200,000 answers at most), lookups stay within the
 * method's rate limit (Slack's Tier 3: 50 a minute per workspace, so a fleet seen for the
 * first time is looked up over the following minutes instead of being refused by Slack),
 * a 429 pauses lookups for its {@code Retry-After}, and any failure leaves the usage
 * unmatched instead of failing the ingest.
 */
@Component
class SlackEmailDirectory implements EmailDirectory {

	private static final Logger logger = LoggerFactory.getLogger(SlackEmailDirectory.class);

	static final Duration FOUND_TTL = Duration.ofHours(24);

	static final Duration NOT_FOUND_TTL = Duration.ofHours(1);

	private final MethodsClient methods;

	private final Clock clock;

	private final Cache<String, Cached> cache = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterWrite(FOUND_TTL)
		.build();

	private final RateLimiterRegistry limits;

	private volatile Instant pausedUntil = Instant.EPOCH;

	SlackEmailDirectory(MethodsClient methods, Optional<Clock> clock,
			@Value("${legends.slack.email-lookups-per-minute:50}") int lookupsPerMinute) {
		this.methods = methods;
		this.clock = clock.orElse(Clock.systemUTC());
		this.limits = RateLimiterRegistry.of(RateLimiterConfig.custom()
			.limitForPeriod(lookupsPerMinute)
			.limitRefreshPeriod(Duration.ofMinutes(1))
			.timeoutDuration(Duration.ZERO)
			.build());
	}

	@Override
	public boolean mayAsk(String teamId, String email) {
		Instant now = this.clock.instant();
		return known(key(teamId, email), now) != null
				|| (!now.isBefore(this.pausedUntil) && this.limits.rateLimiter(teamId).acquirePermission());
	}

	@Override
	public Optional<String> userIdByEmail(String teamId, String email) {
		Instant now = this.clock.instant();
		String key = key(teamId, email);
		Cached cached = known(key, now);
		if (cached != null) {
			return Optional.ofNullable(cached.userId());
		}
		if (now.isBefore(this.pausedUntil)) {
			return Optional.empty();
		}
		try (SlackTeamScope scope = SlackTeamScope.team(teamId)) {
			UsersLookupByEmailResponse response = this.methods.usersLookupByEmail((r) -> r.email(email));
			String userId = (response.isOk() && response.getUser() != null) ? response.getUser().getId() : null;
			if (userId == null && !"users_not_found".equals(response.getError())) {
				logger.info("users.lookupByEmail answered {}", response.getError());
				return Optional.empty();
			}
			this.cache.put(key, new Cached(userId, now.plus((userId != null) ? FOUND_TTL : NOT_FOUND_TTL)));
			return Optional.ofNullable(userId);
		}
		catch (SlackApiException ex) {
			if (ex.getResponse().code() == 429) {
				String retryAfter = ex.getResponse().header("Retry-After");
				long seconds = (retryAfter != null && retryAfter.matches("\\d+")) ? Long.parseLong(retryAfter) : 60;
				this.pausedUntil = now.plusSeconds(seconds);
				logger.warn("users.lookupByEmail is rate limited; pausing email lookups for {} s", seconds);
			}
			else {
				logger.warn("users.lookupByEmail failed: {}", ex.getMessage());
			}
			return Optional.empty();
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("users.lookupByEmail failed: {}", ex.getMessage());
			return Optional.empty();
		}
	}

	private static String key(String teamId, String email) {
		return teamId + "/" + email;
	}

	/** The answer cached for this key, unless it expired. */
	private Cached known(String key, Instant now) {
		Cached cached = this.cache.getIfPresent(key);
		return (cached != null && cached.expires().isAfter(now)) ? cached : null;
	}

	private record Cached(String userId, Instant expires) {

	}

}
