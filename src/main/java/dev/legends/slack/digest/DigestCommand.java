package dev.legends.slack.digest;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import dev.legends.digest.DigestNow;
import dev.legends.digest.DigestSchedule;
import dev.legends.digest.DigestSchedules;
import dev.legends.digest.ScheduleSettings;
import dev.legends.slack.SlackTeamScope;
import dev.legends.slack.commands.CommandRequest;
import dev.legends.slack.commands.Replies;
import dev.legends.slack.commands.Subcommand;
import dev.legends.teams.Team;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * {@code /legends digest setup|now|off}, typed in the channel the digest belongs to, by
 * an admin or a team manager.
 */
@Component
class DigestCommand implements Subcommand, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(DigestCommand.class);

	private final DigestSchedules schedules;

	private final ExecutorService background = Executors.newSingleThreadExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "legends-digest-now");
		thread.setDaemon(true);
		return thread;
	});

	DigestCommand(DigestSchedules schedules) {
		this.schedules = schedules;
	}

	@Override
	public String name() {
		return "digest";
	}

	@Override
	public Response handle(CommandRequest command, SlashCommandContext ctx) throws IOException, SlackApiException {
		if (isDirectMessage(command)) {
			return Replies.ephemeral(ctx, "Digests belong to a channel. Type `/legends digest setup` in the channel "
					+ "that should get the weekly digest (`now` posts one at once, `off` stops it).");
		}
		String action = command.firstArg();
		if (!action.equals("setup") && !action.equals("now") && !action.equals("off")) {
			return Replies.ephemeral(ctx, status(command) + "\nUse `/legends digest setup` to schedule it, "
					+ "`/legends digest now` to post this week so far, `/legends digest off` to stop it.");
		}
		if (!this.schedules.mayManage(command.member())) {
			return Replies.ephemeral(ctx, "Only Legends admins and team managers can set up, post or stop digests. "
					+ "Ask one of them, or see `/legends help`.");
		}
		long workspaceId = command.member().getWorkspaceId();
		String channelId = command.channelId();
		return switch (action) {
			case "setup" -> openSetup(command, ctx, workspaceId, channelId);
			case "now" -> postNow(ctx, workspaceId, channelId, command);
			default -> Replies.ephemeral(ctx,
					this.schedules.turnOff(workspaceId, channelId)
							? "The weekly digest in this channel is off. `/legends digest setup` turns it back on."
							: "This channel has no weekly digest running, so there is nothing to turn off.");
		};
	}

	private Response openSetup(CommandRequest command, SlashCommandContext ctx, long workspaceId, String channelId)
			throws IOException, SlackApiException {
		ZoneId zone = this.schedules.defaultZone();
		List<Team> teams = this.schedules.teamsFor(command.member());
		ScheduleSettings current = this.schedules.find(workspaceId, channelId)
			.map(DigestSchedule::settings)
			.orElseGet(() -> defaults(zone, command, teams));
		ViewsOpenResponse response = ctx.client()
			.viewsOpen((r) -> r.triggerId(command.payload().getTriggerId())
				.view(DigestSetupModal.build(channelId, current, teams)));
		if (!response.isOk()) {
			logger.warn("views.open for the digest setup answered {}", response.getError());
			return Replies.ephemeral(ctx,
					"Slack didn't open the digest form. Please try `/legends digest setup` again.");
		}
		return ctx.ack();
	}

	/** The defaults, with the team whose default digest channel this is. */
	private static ScheduleSettings defaults(ZoneId zone, CommandRequest command, List<Team> teams) {
		ScheduleSettings defaults = ScheduleSettings.defaults(zone, command.member().getId());
		Long teamId = teams.stream()
			.filter((team) -> command.channelId().equals(team.digestChannelId()))
			.map(Team::id)
			.findFirst()
			.orElse(null);
		return new ScheduleSettings(teamId, defaults.weekday(), defaults.time(), defaults.zone(), defaults.sections(),
				defaults.ownerMemberId());
	}

	/**
	 * Claim this minute's digest before answering, so that the answer is true: a second
	 * {@code digest now} in the same minute is told the first is being posted, or where
	 * it was posted, and starts nothing.
	 */
	private Response postNow(SlashCommandContext ctx, long workspaceId, String channelId, CommandRequest command) {
		DigestNow now = this.schedules.startNow(workspaceId, channelId, command.member());
		return switch (now.state()) {
			case STARTED -> {
				this.background.execute(SlackTeamScope.carried(() -> post(now)));
				yield Replies.ephemeral(ctx, "Posting this week's digest so far here in a moment.");
			}
			case POSTING -> Replies.ephemeral(ctx, "This week's digest so far is already being posted here "
					+ "(asked a moment ago); it will appear shortly, so I didn't start another.");
			case POSTED -> Replies.ephemeral(ctx, "This week's digest so far was already posted here this minute: "
					+ where(ctx, now) + ". Ask again in a minute for a fresh one.");
			case GIVEN_UP -> Replies.ephemeral(ctx,
					"Posting this minute's digest failed. Try `/legends digest now` again in a minute.");
		};
	}

	private void post(DigestNow now) {
		try {
			this.schedules.post(now);
		}
		catch (RuntimeException ex) {
			logger.error("Posting the digest now in {} failed", now.channelId(), ex);
		}
	}

	/** A link to the posted digest, or the channel when Slack has no permalink for it. */
	private static String where(SlashCommandContext ctx, DigestNow now) {
		return now.messageTs().map((ts) -> {
			try {
				ChatGetPermalinkResponse link = ctx.client()
					.chatGetPermalink((r) -> r.channel(now.channelId()).messageTs(ts));
				return link.isOk() ? link.getPermalink() : null;
			}
			catch (IOException | SlackApiException ex) {
				return null;
			}
		}).orElse("<#" + now.channelId() + ">");
	}

	private String status(CommandRequest command) {
		return this.schedules.find(command.member().getWorkspaceId(), command.channelId())
			.map((schedule) -> switch (schedule.getStatus()) {
				case ACTIVE -> "This channel gets the weekly digest on " + DigestText.when(schedule) + ".";
				case FAILING -> "This channel's digest is failing (Slack says `" + schedule.getFailure() + "`).";
				case OFF -> "This channel's weekly digest is off.";
			})
			.orElse("This channel has no weekly digest yet.");
	}

	private static boolean isDirectMessage(CommandRequest command) {
		String channel = command.channelId();
		return channel == null || channel.startsWith("D") || "directmessage".equals(command.payload().getChannelName());
	}

	@Override
	public void destroy() {
		this.background.shutdownNow();
	}

}
