package dev.legends.slack.home;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.view.Views.view;

/**
 * Assembles the Home tab from the sections' blocks, within Slack's 100-block limit. Pure:
 * no I/O.
 */
public final class HomeView {

	/** Slack's limit on blocks in a Home tab. */
	public static final int MAX_BLOCKS = 100;

	/** The callback id of the published view. */
	public static final String CALLBACK_ID = "legends_home";

	private HomeView() {
	}

	/**
	 * The Home view for a list of section renderings, in order; sections that would cross
	 * the limit are left out whole, with a note.
	 * @param sections each section's blocks
	 * @return the view
	 */
	public static View build(List<List<LayoutBlock>> sections) {
		List<LayoutBlock> blocks = new ArrayList<>();
		boolean cut = false;
		for (List<LayoutBlock> section : sections) {
			if (blocks.size() + section.size() > MAX_BLOCKS - 1) {
				cut = true;
				continue;
			}
			blocks.addAll(section);
		}
		if (cut) {
			blocks.add(context((c) -> c.elements(List.of(markdownText(
					"Some sections did not fit here. `/legends me` and `/legends team` show the rest.")))));
		}
		return view((v) -> v.type("home").callbackId(CALLBACK_ID).blocks(blocks));
	}

}
