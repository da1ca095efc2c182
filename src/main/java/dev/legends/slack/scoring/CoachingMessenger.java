package dev.legends.slack.scoring;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import dev.legends.scoring.CoachingFlag;
import dev.legends.scoring.CoachingNoteDue;
import dev.legends.slack.SlackTeamScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * Sends a coaching note to the one person it is about, by DM; never to a channel.
 */
@Component
class CoachingMessenger {

	private static final Logger logger = LoggerFactory.getLogger(CoachingMessenger.class);

	private final MethodsClient slack;

	CoachingMessenger(MethodsClient slack) {
		this.slack = slack;
	}

	@EventListener
	void on(CoachingNoteDue note) {
		String text = text(note.flag());
		try (SlackTeamScope scope = SlackTeamScope.workspace(note.workspaceId())) {
			ChatPostMessageResponse response = this.slack
				.chatPostMessage((r) -> r.channel(note.slackUserId()).text(text).blocks(blocks(text)));
			if (!response.isOk()) {
				logger.warn("Coaching note for member {} not sent: {}", note.memberId(), response.getError());
			}
		}
		catch (IOException | SlackApiException ex) {
			logger.warn("Coaching note for member {} not sent: {}", note.memberId(), ex.getMessage());
		}
	}

	static String text(CoachingFlag flag) {
		return switch (flag.kind()) {
			case SPEND_SPIKE -> String.format(Locale.ENGLISH,
					"Heads-up, just for you: your estimated AI spend last week was $%.2f, %.1f× your usual "
							+ "$%.2f a week (median of the four weeks before), while your outcome points (%s) were not up "
							+ "on your usual %s. If the extra usage paid off, `/legends report` what it delivered so it "
							+ "counts.",
					flag.weekCostUsd(), flag.weekCostUsd() / flag.trailingMedianCostUsd(), flag.trailingMedianCostUsd(),
					num(flag.weekPoints()), num(flag.trailingAveragePoints()));
			case USAGE_WITHOUT_OUTCOMES -> String.format(Locale.ENGLISH,
					"Just for you: you used $%.2f of AI last week, and heavily the week before too, with no outcomes "
							+ "reported for two weeks. If you shipped something, `/legends report` it; if you are "
							+ "exploring, that's fine: this note is only a nudge.",
					flag.weekCostUsd());
			case KUDOS -> String.format(Locale.ENGLISH,
					"Nice work! Last week you delivered %s points (your usual is %s) while spending $%.2f, below your "
							+ "usual $%.2f a week. :tada:",
					num(flag.weekPoints()), num(flag.trailingAveragePoints()), flag.weekCostUsd(),
					flag.trailingMedianCostUsd());
		};
	}

	private static List<LayoutBlock> blocks(String text) {
		return List.of(section((s) -> s.text(markdownText(text))), context((c) -> c.elements(List.of(markdownText(
				"Only you see this note. `/legends why` shows your figures; `/legends optout` stops these notes.")))));
	}

	private static String num(double value) {
		return String.format(Locale.ENGLISH, "%.1f", value).replace(".0", "");
	}

}
