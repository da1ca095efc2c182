package dev.legends.slack.blocks;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.slack.api.model.block.LayoutBlock;
import dev.legends.slack.commands.CommandCatalog;
import dev.legends.slack.commands.CommandCatalog.Entry;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * Renders the {@code /legends help} answer: every subcommand with a description and an
 * example, grouped.
 */
public final class HelpBlocks {

	private HelpBlocks() {
	}

	/**
	 * Render help, optionally after a line about what was not understood.
	 * @param notice a line shown first (e.g. "I don't know `foo`"), or {@code null}
	 * @return the blocks
	 */
	public static List<LayoutBlock> render(String notice) {
		List<LayoutBlock> blocks = new ArrayList<>();
		if (notice != null) {
			blocks.add(section((s) -> s.text(markdownText(notice))));
		}
		blocks.add(header((h) -> h.text(plainText("Legends: outcomes first, tokens as context"))));
		blocks.add(context((c) -> c.elements(List.of(markdownText("Confirmed outcomes are the score. "
				+ "Self-reported ones count half until a teammate confirms them. Usage and cost are shown beside them, "
				+ "never as the goal.")))));
		for (String group : CommandCatalog.GROUPS) {
			blocks.add(divider());
			blocks.add(section((s) -> s.text(markdownText("*" + group + "*\n" + lines(group)))));
		}
		blocks.add(context((c) -> c.elements(List.of(markdownText("Replies are only visible to you unless you "
				+ "choose to share. Anything I don't understand gets this help.")))));
		return blocks;
	}

	/**
	 * The plain-text fallback of the help message.
	 * @return the text
	 */
	public static String fallbackText() {
		return "Legends help: " + CommandCatalog.ENTRIES.stream()
			.map((entry) -> "/legends " + entry.usage())
			.collect(Collectors.joining("; "));
	}

	private static String lines(String group) {
		return CommandCatalog.ENTRIES.stream()
			.filter((entry) -> entry.group().equals(group))
			.map(HelpBlocks::line)
			.collect(Collectors.joining("\n"));
	}

	private static String line(Entry entry) {
		return "`/legends " + entry.usage() + "` " + entry.description() + "\n      _e.g._ `" + entry.example() + "`";
	}

}
