package dev.legends.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.google.gson.JsonObject;

/**
 * The OAuth side of {@link FakeSlackApi}: hands out authorization codes as Slack does
 * after a person approves an install, answers {@code oauth.v2.access} (checking the
 * client id and secret, the code, and refresh tokens) and {@code auth.test} for every
 * token it issued, so that each installation's calls can be told apart by token.
 */
public final class FakeSlackOAuth {

	/** The client id the test app is configured with in OAuth mode. */
	public static final String CLIENT_ID = "1111.2222";

	/** The client secret the test app is configured with in OAuth mode. */
	public static final String CLIENT_SECRET = "legends-test-client-secret";

	private final Map<String, Grant> codes = new ConcurrentHashMap<>();

	private final Map<String, Grant> tokens = new ConcurrentHashMap<>();

	private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();

	private final Map<String, List<String>> issued = new ConcurrentHashMap<>();

	private final List<String> revoked = new CopyOnWriteArrayList<>();

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicLong refreshes = new AtomicLong();

	FakeSlackOAuth() {
	}

	/**
	 * The code Slack sends to the redirect URL after someone approves installing Legends
	 * in a workspace.
	 * @param teamId the workspace
	 * @param installerUserId who approved
	 * @return the code (valid once)
	 */
	public String approveWorkspace(String teamId, String installerUserId) {
		return approve(new Grant(teamId, null, false, installerUserId, null));
	}

	/**
	 * The code for a workspace-level install inside an Enterprise Grid org.
	 * @param enterpriseId the org
	 * @param teamId the workspace
	 * @param installerUserId who approved
	 * @return the code
	 */
	public String approveWorkspaceInOrg(String enterpriseId, String teamId, String installerUserId) {
		return approve(new Grant(teamId, enterpriseId, false, installerUserId, null));
	}

	/**
	 * The code for an org-wide install on Enterprise Grid.
	 * @param enterpriseId the org
	 * @param installerUserId the org admin who approved
	 * @return the code
	 */
	public String approveOrg(String enterpriseId, String installerUserId) {
		return approve(new Grant(null, enterpriseId, true, installerUserId, null));
	}

	/**
	 * The code for a workspace install with token rotation on: tokens expire after
	 * {@code expiresInSeconds} and come with a refresh token.
	 * @param teamId the workspace
	 * @param installerUserId who approved
	 * @param expiresInSeconds token lifetime
	 * @return the code
	 */
	public String approveWorkspaceWithRotation(String teamId, String installerUserId, int expiresInSeconds) {
		return approve(new Grant(teamId, null, false, installerUserId, expiresInSeconds));
	}

	private String approve(Grant grant) {
		String code = "code-" + this.sequence.incrementAndGet();
		this.codes.put(code, grant);
		return code;
	}

	/**
	 * Every bot token issued for an installation, oldest first.
	 * @param installKey the team id, or the enterprise id of an org-wide install
	 * @return the tokens
	 */
	public List<String> tokensOf(String installKey) {
		return List.copyOf(this.issued.getOrDefault(installKey, List.of()));
	}

	/**
	 * The newest bot token issued for an installation.
	 * @param installKey the team id, or the enterprise id of an org-wide install
	 * @return the token
	 */
	public String tokenOf(String installKey) {
		List<String> all = tokensOf(installKey);
		return all.get(all.size() - 1);
	}

	/**
	 * How many times a token was refreshed ({@code grant_type=refresh_token}).
	 * @return the count
	 */
	public long refreshes() {
		return this.refreshes.get();
	}

	/**
	 * Answer a call if it is OAuth's business.
	 */
	Optional<String> answer(String method, Map<String, String> params, String authorization, String token) {
		if ("oauth.v2.access".equals(method)) {
			return Optional.of(access(params, authorization));
		}
		if ("auth.test".equals(method) && token != null && this.tokens.containsKey(token)) {
			return Optional.of(authTest(this.tokens.get(token)));
		}
		return Optional.empty();
	}

	private synchronized String access(Map<String, String> params, String authorization) {
		String expected = "Basic " + Base64.getEncoder()
			.encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		if (!expected.equals(authorization)) {
			return error("invalid_client_id");
		}
		Grant grant;
		if ("refresh_token".equals(params.get("grant_type"))) {
			grant = this.refreshTokens.remove(params.getOrDefault("refresh_token", ""));
			if (grant == null) {
				return error("invalid_refresh_token");
			}
			this.refreshes.incrementAndGet();
			// a refreshed token lives as long as Slack's: 12 hours
			grant = new Grant(grant.teamId(), grant.enterpriseId(), grant.orgWide(), grant.installerUserId(), 43200);
		}
		else {
			grant = this.codes.remove(params.getOrDefault("code", ""));
			if (grant == null) {
				return error("invalid_code");
			}
		}
		String key = grant.orgWide() ? grant.enterpriseId() : grant.teamId();
		String token = "xoxb-" + key + "-" + this.sequence.incrementAndGet();
		this.tokens.put(token, grant);
		this.issued.computeIfAbsent(key, (k) -> new CopyOnWriteArrayList<>()).add(token);
		JsonObject answer = new JsonObject();
		answer.addProperty("ok", true);
		answer.addProperty("app_id", "A0LEGENDS");
		answer.addProperty("token_type", "bot");
		answer.addProperty("access_token", token);
		answer.addProperty("scope", "commands,chat:write");
		answer.addProperty("bot_user_id", "U0BOT" + key);
		answer.addProperty("is_enterprise_install", grant.orgWide());
		if (grant.expiresIn() != null) {
			String refresh = "xoxe-1-" + key + "-" + this.sequence.incrementAndGet();
			this.refreshTokens.put(refresh, grant);
			answer.addProperty("refresh_token", refresh);
			answer.addProperty("expires_in", grant.expiresIn());
		}
		if (grant.teamId() != null) {
			answer.add("team", idName(grant.teamId(), "Team " + grant.teamId()));
		}
		if (grant.enterpriseId() != null) {
			answer.add("enterprise", idName(grant.enterpriseId(), "Org " + grant.enterpriseId()));
		}
		JsonObject user = new JsonObject();
		user.addProperty("id", grant.installerUserId());
		answer.add("authed_user", user);
		return answer.toString();
	}

	private static String authTest(Grant grant) {
		JsonObject answer = new JsonObject();
		answer.addProperty("ok", true);
		answer.addProperty("url", "https://legends-test.invalid/");
		answer.addProperty("team", "Test");
		answer.addProperty("user", "legends");
		String key = grant.orgWide() ? grant.enterpriseId() : grant.teamId();
		if (grant.teamId() != null) {
			answer.addProperty("team_id", grant.teamId());
		}
		if (grant.enterpriseId() != null) {
			answer.addProperty("enterprise_id", grant.enterpriseId());
		}
		answer.addProperty("is_enterprise_install", grant.orgWide());
		answer.addProperty("user_id", "U0BOT" + key);
		answer.addProperty("bot_id", "B0BOT" + key);
		return answer.toString();
	}

	private static JsonObject idName(String id, String name) {
		JsonObject object = new JsonObject();
		object.addProperty("id", id);
		object.addProperty("name", name);
		return object;
	}

	private static String error(String error) {
		return "{\"ok\":false,\"error\":\"" + error + "\"}";
	}

	private record Grant(String teamId, String enterpriseId, boolean orgWide, String installerUserId,
			Integer expiresIn) {

	}

}
