package dev.legends.slack.home;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.slack.api.model.block.LayoutBlock;
import dev.legends.slack.commands.MeSection;
import dev.legends.workspace.TimeWindow;

import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * "Your week" on App Home: the same sections as {@code /legends me} (outcomes by status,
 * points, tokens, cost, cost per point, trend), contributed by the features that own the
 * data.
 */
@Component
class WeekHomeSection implements HomeSection {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

	private final List<MeSection> sections;

	WeekHomeSection(List<MeSection> sections) {
		this.sections = sections.stream().sorted(Comparator.comparingInt(MeSection::order)).toList();
	}

	@Override
	public int order() {
		return 100;
	}

	@Override
	public List<LayoutBlock> render(HomeContext context) {
		List<LayoutBlock> content = new ArrayList<>();
		this.sections.forEach((section) -> content.addAll(section.render(context.member(), context.week())));
		return blocks(context.week(), context.member().getZoneId(), content);
	}

	/**
	 * The week blocks around the sections' content.
	 * @param week the week
	 * @param zone the person's timezone
	 * @param content what the {@link MeSection}s rendered
	 * @return the blocks
	 */
	static List<LayoutBlock> blocks(TimeWindow week, ZoneId zone, List<LayoutBlock> content) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(divider());
		blocks.add(header((h) -> h.text(plainText("Your week"))));
		String span = DAY.format(week.start().atZone(zone)) + " to "
				+ DAY.format(week.end().minusSeconds(1).atZone(zone));
		blocks.add(context((c) -> c.elements(List.of(markdownText(span)))));
		if (content.isEmpty()) {
			blocks.add(section((s) -> s.text(markdownText("Nothing recorded for you this week yet. "
					+ "*Report outcome* above tells Legends what you shipped."))));
		}
		else {
			blocks.addAll(content);
		}
		return blocks;
	}

}
