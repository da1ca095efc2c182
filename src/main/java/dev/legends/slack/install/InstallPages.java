package dev.legends.slack.install;

import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.service.builtin.oauth.view.OAuthInstallPageRenderer;
import com.slack.api.bolt.service.builtin.oauth.view.OAuthRedirectUriPageRenderer;

import org.springframework.web.util.HtmlUtils;

/**
 * The pages a person installing Legends sees: "Add to Slack", then success (with what to
 * do next) or a failure that says what went wrong and how to start again.
 */
class InstallPages implements OAuthInstallPageRenderer, OAuthRedirectUriPageRenderer {

	@Override
	public String render(String authorizeUrl) {
		String url = HtmlUtils.htmlEscape(authorizeUrl);
		return page("Add Legends to Slack", "<p>Legends ranks people and teams by delivered, confirmed outcomes, "
				+ "with AI token usage as context.</p>" + "<p><a class=\"button\" id=\"add-to-slack\" href=\"" + url
				+ "\">Add to Slack</a></p>"
				+ "<p class=\"small\">Slack asks you to choose a workspace. On Enterprise Grid an org admin can "
				+ "install Legends for the whole org from the same button. This link is valid for 10 minutes.</p>");
	}

	@Override
	public String renderSuccessPage(Installer installer, String completionUrl) {
		boolean org = Boolean.TRUE.equals(installer.getIsEnterpriseInstall());
		String where = org ? "the " + name(Installation.enterpriseName(installer), installer.getEnterpriseId()) + " org"
				: name(Installation.teamName(installer), installer.getTeamId());
		String orgNote = org ? "<li>Org-wide install: every workspace of the org is one Legends company. "
				+ "Add Legends to the workspaces that should use it from the org admin dashboard "
				+ "(Manage apps).</li>" : "";
		return page("Legends is installed",
				"<p>Legends is now installed in <strong>" + HtmlUtils.htmlEscape(where) + "</strong>.</p>"
						+ "<h2>What to do next</h2><ol>"
						+ "<li>In Slack, type <code>/legends help</code> in any channel to see what Legends does.</li>"
						+ "<li>Open Legends in the sidebar (Apps) and look at its <strong>App Home</strong> tab: your "
						+ "week, your team's goals and a button to report an outcome.</li>"
						+ "<li>Admins: <code>/legends key create NAME</code> makes an ingest key for usage data, and "
						+ "<code>/legends digest setup</code> in a channel schedules the weekly digest.</li>" + orgNote
						+ "</ol>");
	}

	@Override
	public String renderFailurePage(String installPath, String reason) {
		String path = HtmlUtils.htmlEscape((installPath != null) ? installPath : "/slack/install");
		return page("Legends was not installed",
				"<p>" + explain(reason) + "</p><p>Nothing was installed and nothing was stored.</p>"
						+ "<p><a class=\"button\" href=\"" + path + "\">Start again</a></p>");
	}

	static String explain(String reason) {
		if (reason == null) {
			return "Something went wrong while installing.";
		}
		return switch (reason) {
			case "invalid_state" -> "This install link is not valid any more: it was already used, it expired "
					+ "(links are valid for 10 minutes), or it was opened in another browser.";
			case "access_denied" -> "The installation was cancelled in Slack: Legends got no access.";
			case "invalid_code", "code_already_used" -> "Slack did not accept the authorization code ("
					+ HtmlUtils.htmlEscape(reason) + "). Please start again.";
			case "invalid_client_id", "bad_client_secret",
					"bad_redirect_uri" ->
				"Slack refused this app's " + "credentials (" + HtmlUtils.htmlEscape(reason)
						+ "): the operator should check "
						+ "SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and the redirect URL.";
			default -> "Slack answered with an error: " + HtmlUtils.htmlEscape(reason) + ".";
		};
	}

	private static String name(String name, String id) {
		return (name != null && !name.isBlank()) ? name : id;
	}

	private static String page(String title, String body) {
		return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>"
				+ "body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;"
				+ "color:#1d1c1d}h1{color:#1f3a5f}.button{display:inline-block;background:#4a154b;color:#fff;"
				+ "padding:.7rem 1.2rem;border-radius:6px;text-decoration:none;font-weight:600}"
				+ ".small{color:#616061;font-size:.9rem}code{background:#f4f4f4;padding:.1rem .3rem}</style></head>"
				+ "<body><h1>" + title + "</h1>" + body + "</body></html>";
	}

}
