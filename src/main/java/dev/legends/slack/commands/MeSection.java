package dev.legends.slack.commands;

import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import dev.legends.workspace.Member;
import dev.legends.workspace.TimeWindow;

/**
 * A part of the {@code /legends me} answer (outcomes, usage, ranks…), contributed by the
 * feature that owns the data; sections are shown in {@link #order()}.
 */
public interface MeSection {

	/**
	 * Where this section stands; lower comes first.
	 * @return the order
	 */
	int order();

	/**
	 * Render this section for a person and period; no blocks to leave it out.
	 * @param member the caller
	 * @param week the caller's current ISO week in their timezone
	 * @return at most 12 blocks
	 */
	List<LayoutBlock> render(Member member, TimeWindow week);

}
