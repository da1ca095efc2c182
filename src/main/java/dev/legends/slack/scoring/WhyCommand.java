package dev.legends.slack.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import dev.legends.ingest.CodingActivity;
import dev.legends.scoring.Explanation;
import dev.legends.scoring.Period;
import dev.legends.scoring.Scoring;
import dev.legends.slack.blocks.ActivityBlocks;
import dev.legends.slack.blocks.ExplanationBlocks;
import dev.legends.slack.commands.CommandRequest;
import dev.legends.slack.commands.Replies;
import dev.legends.slack.commands.Subcommand;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;

import org.springframework.stereotype.Component;

/**
 * {@code /legends why [@user] [period]}: the inputs and arithmetic of a score; someone
 * else's only for their team's managers and admins.
 */
@Component
class WhyCommand implements Subcommand {

	private static final Pattern MENTION = Pattern.compile("<@([A-Z0-9]+)(?:\\|[^>]*)?>");

	private final Scoring scoring;

	private final Members members;

	private final CodingActivity activity;

	WhyCommand(Scoring scoring, Members members, CodingActivity activity) {
		this.scoring = scoring;
		this.members = members;
		this.activity = activity;
	}

	@Override
	public String name() {
		return "why";
	}

	@Override
	public Response handle(CommandRequest command, SlashCommandContext ctx) {
		List<String> words = command.args();
		Member subject = command.member();
		if (!words.isEmpty() && words.get(0).startsWith("<@")) {
			Matcher mention = MENTION.matcher(words.get(0));
			if (!mention.matches()) {
				return Replies.ephemeral(ctx, "Mention one person, like `/legends why @ada`.");
			}
			subject = this.members.member(command.teamId(), mention.group(1));
			words = words.subList(1, words.size());
		}
		else if (!words.isEmpty() && words.get(0).startsWith("@")) {
			return Replies.ephemeral(ctx, "Pick the person from Slack's @ list so I know who you mean.");
		}
		Optional<Period> period = this.scoring
			.period(words.stream().map((w) -> w.toLowerCase(java.util.Locale.ROOT)).toList());
		if (period.isEmpty()) {
			return Replies.ephemeral(ctx, "Try `/legends why [@user] [last] [week|month|quarter]`.");
		}
		if (!this.scoring.maySeeDetails(command.member(), subject)) {
			return Replies.ephemeral(ctx, "Only the managers of their teams and admins can see someone else's "
					+ "details. `/legends top` shows everyone's board positions.");
		}
		Explanation why = this.scoring.explain(subject, period.get());
		boolean own = subject.getId().equals(command.member().getId());
		List<LayoutBlock> blocks = new ArrayList<>(ExplanationBlocks.render(why, own));
		blocks.addAll(ActivityBlocks.context(this.activity.totalsFor(subject, period.get().toWindow()),
				"in " + period.get().label()));
		return ctx.ack((r) -> r.responseType("ephemeral").text(ExplanationBlocks.fallback(why)).blocks(blocks));
	}

}
