package dev.legends.slack.home;

import java.util.List;

import com.slack.api.model.block.LayoutBlock;

/**
 * A part of the Legends App Home tab, contributed by the feature that owns the data (your
 * week, team goals, ingest health…); sections are shown in {@link #order()} and may
 * render nothing for people they do not concern.
 */
public interface HomeSection {

	/**
	 * Where this section stands; lower comes first (the greeting is 0, your week 100,
	 * teams 200, admin 300).
	 * @return the order
	 */
	int order();

	/**
	 * Render this section for the person opening App Home.
	 * @param context who is looking, their role and their current week
	 * @return at most 30 blocks; none to leave the section out
	 */
	List<LayoutBlock> render(HomeContext context);

}
