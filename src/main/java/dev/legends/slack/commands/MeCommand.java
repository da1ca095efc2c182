package dev.legends.slack.commands;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import dev.legends.workspace.TimeWindow;

import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * {@code /legends me}: the caller's week, assembled from every {@link MeSection}.
 */
@Component
class MeCommand implements Subcommand {

	private static final int MAX_BLOCKS = 50;

	private final List<MeSection> sections;

	private final Clock clock;

	MeCommand(List<MeSection> sections, Optional<Clock> clock) {
		this.sections = sections.stream().sorted(Comparator.comparingInt(MeSection::order)).toList();
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public String name() {
		return "me";
	}

	@Override
	public Response handle(CommandRequest command, SlashCommandContext ctx) {
		TimeWindow week = TimeWindow.isoWeekOf(this.clock.instant(), command.member().getZoneId());
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(header((h) -> h.text(plainText("Your week in Legends"))));
		this.sections.forEach((section) -> blocks.addAll(section.render(command.member(), week)));
		if (blocks.size() == 1) {
			blocks.add(section((s) -> s.text(markdownText("Nothing recorded for you this week yet. "
					+ "`/legends report` tells Legends what you shipped."))));
		}
		List<LayoutBlock> limited = blocks.subList(0, Math.min(blocks.size(), MAX_BLOCKS));
		return ctx.ack((r) -> r.responseType("ephemeral").text("Your week in Legends").blocks(limited));
	}

}
