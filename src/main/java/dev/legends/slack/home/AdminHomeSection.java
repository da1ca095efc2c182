package dev.legends.slack.home;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import dev.legends.slack.blocks.SlackText;
import dev.legends.teams.Team;
import dev.legends.teams.Teams;

import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * App Home's admin part: the workspace's teams and the health of usage ingestion.
 */
@Component
class AdminHomeSection implements HomeSection {

	private final Teams teams;

	AdminHomeSection(Teams teams) {
		this.teams = teams;
	}

	@Override
	public int order() {
		return 300;
	}

	@Override
	public List<LayoutBlock> render(HomeContext context) {
		if (!context.admin()) {
			return List.of();
		}
		List<Team> all = this.teams.all(context.member().getWorkspaceId());
		return blocks(all, List.of());
	}

	/**
	 * The admin blocks.
	 * @param teams every team of the workspace
	 * @param ingestHealth blocks on usage ingestion (last usage per source, unmatched
	 * identities, keys), empty when unknown
	 * @return the blocks
	 */
	static List<LayoutBlock> blocks(List<Team> teams, List<LayoutBlock> ingestHealth) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(divider());
		blocks.add(header((h) -> h.text(plainText("Admin"))));
		String teamText = teams.isEmpty() ? "*Teams*: none yet. `/legends team setup` creates one."
				: "*Teams* (" + teams.size() + "): "
						+ String.join(", ",
								teams.stream()
									.limit(20)
									.map((team) -> SlackText.echo(team.name(), 40) + " (" + team.size() + ")")
									.toList())
						+ ((teams.size() > 20) ? ", …" : "");
		blocks.add(section((s) -> s.text(markdownText(teamText))));
		if (ingestHealth.isEmpty()) {
			blocks.add(context((c) -> c.elements(List.of(markdownText("*Usage ingest*: nothing received yet. "
					+ "Create a key with `/legends key create NAME` and send usage to `/api/v1/usage`.")))));
		}
		else {
			blocks.addAll(ingestHealth);
		}
		return blocks;
	}

}
