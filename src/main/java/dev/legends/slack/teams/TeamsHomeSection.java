package dev.legends.slack.teams;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import dev.legends.slack.blocks.SlackText;
import dev.legends.slack.home.HomeContext;
import dev.legends.slack.home.HomeSection;
import dev.legends.teams.GoalProgress;
import dev.legends.teams.Goals;
import dev.legends.teams.Team;
import dev.legends.teams.Teams;

import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * App Home's team part: for managers, each managed team's goal progress with a Set goals
 * button; for members, the teams they are in.
 */
@Component
public class TeamsHomeSection implements HomeSection {

	/** At most this many managed teams are shown (three blocks each). */
	static final int MAX_TEAMS = 10;

	private final Teams teams;

	private final Goals goals;

	TeamsHomeSection(Teams teams, Goals goals) {
		this.teams = teams;
		this.goals = goals;
	}

	@Override
	public int order() {
		return 200;
	}

	@Override
	public List<LayoutBlock> render(HomeContext context) {
		Long memberId = context.member().getId();
		List<Team> managed = this.teams.managedBy(context.member());
		List<String> memberOf = this.teams.teamsOf(context.member())
			.stream()
			.filter((team) -> !team.isManagedBy(memberId))
			.map(Team::name)
			.toList();
		return blocks(managed.stream().limit(MAX_TEAMS).map(this.goals::progress).toList(), memberOf);
	}

	/**
	 * The team blocks.
	 * @param managed progress of each team the person manages
	 * @param memberOf names of the other teams they are in
	 * @return the blocks, none when the person is in no team
	 */
	public static List<LayoutBlock> blocks(List<GoalProgress> managed, List<String> memberOf) {
		List<LayoutBlock> blocks = new ArrayList<>();
		if (managed.isEmpty() && memberOf.isEmpty()) {
			return blocks;
		}
		blocks.add(divider());
		if (!managed.isEmpty()) {
			blocks.add(header((h) -> h.text(plainText("Teams you manage"))));
			for (GoalProgress progress : managed) {
				blocks.addAll(TeamProgressBlocks.compact(progress));
				String teamId = progress.team().id().toString();
				blocks.add(actions((a) -> a.blockId("home_team_" + teamId)
					.elements(List.of(button((b) -> b.actionId(GoalsFeature.SET_GOALS_ACTION)
						.text(plainText(progress.hasGoal() ? "Change goals" : "Set goals"))
						.value(teamId))))));
			}
		}
		if (!memberOf.isEmpty()) {
			String names = String.join(", ",
					memberOf.stream().map((name) -> "*" + SlackText.echo(name, 80) + "*").toList());
			blocks.add(context((c) -> c
				.elements(List.of(markdownText("Your teams: " + names + ". `/legends team` shows their progress.")))));
		}
		return blocks;
	}

}
