package dev.legends.slack.home;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.legends.slack.teams.TeamsHomeSection;
import dev.legends.teams.GoalPeriod;
import dev.legends.teams.GoalProgress;
import dev.legends.teams.Team;
import dev.legends.teams.TeamFigures;
import dev.legends.teams.TeamGoal;
import dev.legends.testkit.Golden;
import dev.legends.usage.UnmatchedIdentity;
import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageTotals;
import dev.legends.workspace.TimeWindow;
import org.junit.jupiter.api.Test;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * App Home for each role (member, manager, admin) with fixed data, against golden JSON in
 * {@code src/test/resources/golden/home}. Run with {@code -Dgolden.update=true} to
 * rewrite the files after an intended change.
 */
class HomeViewGoldenTests {

	private static final ZoneId ZONE = ZoneOffset.UTC;

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	private static final TimeWindow WEEK = TimeWindow.isoWeekOf(NOW, ZONE);

	private static final Team PLATFORM = new Team(7L, 1L, "Platform", Set.of(1L, 2L, 3L, 4L, 5L, 6L), Set.of(9L), null,
			"C0PLATFORM");

	@Test
	void buildWhenMemberShowsWeekAndTheirTeams() {
		View view = HomeView.build(List.of(GreetingHomeSection.blocks("Ada Lovelace", false, false),
				WeekHomeSection.blocks(WEEK, ZONE, List.of(section((s) -> s.text(markdownText(
						"*Outcomes*: 2 confirmed, 1 waiting for confirmation  ·  *Points* 7  ·  *Cost* $12.40"))))),
				TeamsHomeSection.blocks(List.of(), List.of("Platform"))));
		assertMatchesGolden(view, "member");
		assertThat(view.getBlocks()).hasSizeLessThanOrEqualTo(HomeView.MAX_BLOCKS);
	}

	@Test
	void buildWhenManagerShowsTeamProgressAndSetGoals() {
		TeamGoal goal = new TeamGoal(3L, 7L, GoalPeriod.MONTH, 30, 10, new BigDecimal("4.00"), 70,
				LocalDate.of(2026, 11, 1), 9L, Instant.parse("2026-11-02T09:00:00Z"));
		GoalProgress progress = new GoalProgress(PLATFORM, goal,
				GoalPeriod.MONTH.windowOf(LocalDate.of(2026, 11, 26), ZONE), LocalDate.of(2026, 11, 1),
				LocalDate.of(2026, 11, 30), PLATFORM.memberIds(),
				new TeamFigures.Totals(new BigDecimal("12"), 4, 6, new BigDecimal("60.00")));
		View view = HomeView.build(List.of(GreetingHomeSection.blocks("Grace Hopper", false, true),
				WeekHomeSection.blocks(WEEK, ZONE, List.of()), TeamsHomeSection.blocks(List.of(progress), List.of())));
		assertMatchesGolden(view, "manager");
	}

	@Test
	void buildWhenAdminShowsTeamsAndIngest() {
		View view = HomeView.build(List.of(GreetingHomeSection.blocks("Root Admin", true, false),
				WeekHomeSection.blocks(WEEK, ZONE, List.of()), TeamsHomeSection.blocks(List.of(), List.of()),
				AdminHomeSection.blocks(List.of(PLATFORM), adminIngest())));
		assertMatchesGolden(view, "admin");
	}

	private static List<LayoutBlock> adminIngest() {
		List<LayoutBlock> ingest = new java.util.ArrayList<>(AdminHomeSection.ingestBlocks(
				new UsageTotals(120_000, 30_000, 900_000, 10_000, 0, 420, new BigDecimal("3.10"),
						new BigDecimal("7.25"), true, List.of("mystery-model")),
				List.of(new UnmatchedIdentity(UsageIdentity.apiKeyName("ci-bot"), 42, 500_000))));
		java.time.Instant now = java.time.Instant.parse("2026-11-26T12:00:00Z");
		ingest.add(AdminHomeSection.sourceBlock(
				List.of(new dev.legends.usage.SourceActivity("claude-code", now.minusSeconds(5400), 1_234)), now));
		ingest
			.add(AdminHomeSection.keyBlock(
					List.of(new dev.legends.ingest.IngestKeyInfo("nightly-export", "UADMIN",
							now.minusSeconds(86_400 * 9), now.minusSeconds(3 * 3600)),
							new dev.legends.ingest.IngestKeyInfo("otel", "UADMIN", now.minusSeconds(3600), null)),
					now));
		return ingest;
	}

	@Test
	void buildWhenSectionsExceedLimitLeavesWholeSectionsOutWithNote() {
		List<LayoutBlock> big = java.util.Collections.nCopies(60, section((s) -> s.text(markdownText("x"))));
		View view = HomeView.build(List.of(GreetingHomeSection.blocks("Ada", false, false), big, big));
		assertThat(view.getBlocks()).hasSizeLessThanOrEqualTo(HomeView.MAX_BLOCKS);
		assertThat(view.getBlocks()).hasSize(3 + 60 + 1);
	}

	private static void assertMatchesGolden(View view, String name) {
		Golden.assertMatches("home/" + name + ".json", view);
	}

}
